package io.xxgk.dashboard.web;

import io.xxgk.registry.Refused;
import io.xxgk.registry.StaleVersion;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The registry's refusals as problem+json: 400 naming each field, 409 for an edit of a stale version. */
@RestControllerAdvice
class RegistryProblems {

    @ExceptionHandler
    ErrorResponse refused(Refused refused) {
        return InvalidInput.of(refused);
    }

    @ExceptionHandler
    ErrorResponse stale(StaleVersion stale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, stale.getMessage());
        problem.setType(URI.create("https://xxgk.io/problems/stale-version"));
        problem.setProperty("currentVersion", stale.current());
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}
