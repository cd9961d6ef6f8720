package io.xxgk.dashboard.web;

import io.xxgk.registry.Refused;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Input that cannot be used: 400 problem+json whose {@code invalid-params} name each field or
 * parameter with why, so the caller fixes all of them at once.
 */
public final class InvalidInput extends ErrorResponseException {

    public record Param(String name, String reason) {
    }

    public InvalidInput(String kind, List<Param> params) {
        super(HttpStatus.BAD_REQUEST, problem(kind, params), null);
    }

    /** What the registry's rules refused, field by field. */
    public static InvalidInput of(Refused refused) {
        return new InvalidInput(refused.kind(), refused.fields().stream().map(f -> new Param(f.name(), f.reason())).toList());
    }

    /** One parameter. */
    public static InvalidInput of(String kind, String name, String reason) {
        return new InvalidInput(kind, List.of(new Param(name, reason)));
    }

    /** Adds a member to the problem, e.g. what is accepted. */
    public InvalidInput with(String member, Object value) {
        getBody().setProperty(member, value);
        return this;
    }

    private static ProblemDetail problem(String kind, List<Param> params) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                String.join("; ", params.stream().map(p -> p.name() + " " + p.reason()).toList()));
        problem.setType(URI.create("https://xxgk.io/problems/invalid-" + kind));
        problem.setTitle("Invalid " + kind.replace('-', ' '));
        problem.setProperty("invalid-params", params.stream().map(p -> Map.of("name", p.name(), "reason", p.reason())).toList());
        return problem;
    }
}
