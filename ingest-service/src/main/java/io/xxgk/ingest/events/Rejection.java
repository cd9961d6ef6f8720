package io.xxgk.ingest.events;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Every answer but 202: the status, a problem+json body, and the reason counted in the metrics.
 * Thrown before anything is written, so a rejected request leaves nothing behind.
 */
final class Rejection extends RuntimeException {

    /** One bad event of a request. */
    record EventProblem(int index, String id, String field, String reason) {
    }

    private final HttpStatus status;
    private final String reason;
    private final String title;
    private final List<EventProblem> errors;
    private final Duration retryAfter;

    private Rejection(HttpStatus status, String reason, String title, String detail, List<EventProblem> errors, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.reason = reason;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    static Rejection unauthorized() {
        return new Rejection(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "send 'Authorization: Bearer <token>' with a valid token (./xxgk token create)", List.of(), null);
    }

    static Rejection invalid(String detail, List<EventProblem> errors) {
        return new Rejection(HttpStatus.BAD_REQUEST, "invalid", "Invalid events", detail, errors, null);
    }

    static Rejection forbidden(List<EventProblem> errors) {
        return new Rejection(HttpStatus.FORBIDDEN, "forbidden", "Channel not allowed for this token",
                errors.size() + " event(s) are for channels this token may not write; nothing was accepted", errors, null);
    }

    static Rejection tooLarge(String detail) {
        return new Rejection(HttpStatus.CONTENT_TOO_LARGE, "too_large", "Request too large", detail, List.of(), null);
    }

    static Rejection unsupportedMediaType(String detail) {
        return new Rejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Unsupported media type", detail, List.of(), null);
    }

    static Rejection rateLimited(int events, long eventsPerSecond, Duration retryAfter) {
        return new Rejection(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many events for this token",
                "this token may send " + eventsPerSecond + " events a second; these " + events
                        + " were not accepted. Send them again after Retry-After.", List.of(), retryAfter);
    }

    static Rejection overloaded(Duration retryAfter) {
        return new Rejection(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Ingest is overloaded",
                "this instance has more to do than it can do in time; nothing was accepted. Send the same events again after "
                        + "Retry-After.", List.of(), retryAfter);
    }

    static Rejection unavailable(Duration retryAfter) {
        return new Rejection(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Event store unavailable",
                "Kafka did not take the events in time; nothing was accepted. Send the same events again after Retry-After: "
                        + "events already seen are counted once.", List.of(), retryAfter);
    }

    HttpStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }

    String title() {
        return title;
    }

    List<EventProblem> errors() {
        return errors;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
