package io.xxgk.ingest.events;

import io.xxgk.ingest.IngestProperties;
import io.xxgk.ingest.auth.Adapter;
import io.xxgk.ingest.auth.AdapterAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/events}: authenticate, read, admit all or nothing, within the token's rate, write to Kafka, then 202.
 * Each step refuses with a {@link Rejection} before anything is written.
 */
@RestController
class EventsController {

    private final AdapterAuthenticator authenticator;
    private final EventReader reader;
    private final EventPublisher publisher;
    private final TokenRateLimits rateLimits;
    private final IngestMetrics metrics;
    private final IngestProperties properties;
    /** Requests being handled: past {@link IngestProperties#maxInFlightRequests()}, one more is refused at once, not queued. */
    private final Semaphore inFlight;

    EventsController(AdapterAuthenticator authenticator, EventReader reader, EventPublisher publisher, TokenRateLimits rateLimits,
                     IngestMetrics metrics, IngestProperties properties) {
        this.authenticator = authenticator;
        this.reader = reader;
        this.publisher = publisher;
        this.rateLimits = rateLimits;
        this.metrics = metrics;
        this.properties = properties;
        this.inFlight = new Semaphore(properties.maxInFlightRequests());
    }

    @PostMapping("/v1/events")
    ResponseEntity<Map<String, Integer>> accept(@RequestHeader HttpHeaders headers, HttpServletRequest request) throws IOException {
        // past capacity every request would wait for the CPU: those the instance is already handling are served, the next refused
        if (!inFlight.tryAcquire()) {
            throw Rejection.overloaded(properties.retryAfter());
        }
        try {
            return handle(headers, request);
        } finally {
            inFlight.release();
        }
    }

    private ResponseEntity<Map<String, Integer>> handle(HttpHeaders headers, HttpServletRequest request) throws IOException {
        Adapter adapter = authenticator.authenticate(headers.getFirst(HttpHeaders.AUTHORIZATION))
                .orElseThrow(Rejection::unauthorized);
        List<ReadEvent> events = Admission.admit(adapter, reader.read(headers, body(request)));
        rateLimits.admit(adapter.token().id(), events.size());
        metrics.produceTimer().record(() -> publisher.publish(adapter.org().id(), events));
        metrics.accepted(events);
        return ResponseEntity.accepted().body(Map.of("accepted", events.size()));
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        long max = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw Rejection.tooLarge("the body may be at most " + max + " bytes; this one is " + request.getContentLengthLong());
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) max + 1);
            if (body.length > max) {
                throw Rejection.tooLarge("the body may be at most " + max + " bytes");
            }
            return body;
        }
    }
}
