package io.xxgk.dashboard.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Something named in the path that does not exist (an org, a token): 404 problem+json. */
public final class NotFound extends ErrorResponseException {

    public NotFound(String detail) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
}
