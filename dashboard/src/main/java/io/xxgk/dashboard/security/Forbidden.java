package io.xxgk.dashboard.security;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A logged-in user asking for another org's numbers, or for more than the role allows: 403 problem+json. */
public final class Forbidden extends ErrorResponseException {

    public Forbidden(String detail) {
        super(HttpStatus.FORBIDDEN, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(URI.create("https://xxgk.io/problems/forbidden"));
        problem.setTitle("Forbidden");
        return problem;
    }
}
