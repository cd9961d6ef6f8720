package io.xxgk.dashboard.web;

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

    /** One parameter. */
    public static InvalidInput of(String kind, String name, String reason) {
        return new InvalidInput(kind, List.of(new Param(name, reason)));
    }

    /**
     * An optional text field: stripped, null when blank; a problem when longer than {@code max} or
     * with control characters (the text goes into the report's CSV, XLSX and DOCX).
     */
    public static String text(String field, String value, int max, List<Param> invalid) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            invalid.add(new Param(field, "must be at most " + max + " characters"));
        } else if (stripped.chars().anyMatch(Character::isISOControl)) {
            invalid.add(new Param(field, "must not contain control characters"));
        }
        return stripped;
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
