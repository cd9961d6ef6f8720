package io.xxgk.ingest.events;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Writes a {@link Rejection} as {@code application/problem+json} (RFC 9457), with the bad events listed. */
@RestControllerAdvice
class IngestProblems {

    private final IngestMetrics metrics;

    IngestProblems(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(Rejection.class)
    ResponseEntity<ProblemDetail> rejected(Rejection rejection) {
        metrics.rejected(rejection);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(rejection.status(), rejection.getMessage());
        problem.setType(URI.create("/problems/" + rejection.reason().replace('_', '-')));
        problem.setTitle(rejection.title());
        if (!rejection.errors().isEmpty()) {
            problem.setProperty("errors", rejection.errors());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(rejection.status());
        if (rejection.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(rejection.retryAfter().toSeconds()));
        }
        return answer.body(problem);
    }
}
