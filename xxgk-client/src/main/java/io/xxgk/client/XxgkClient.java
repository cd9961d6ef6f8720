package io.xxgk.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Sends events to ingest ({@code POST /v1/events}, structured batches) with the adapter's token.
 * Every request is all or nothing on the server, so a retried request never counts twice (and
 * events keep their ids across retries and re-runs). Retries 429, 502, 503, 504, timeouts and
 * broken connections with backoff and jitter, honouring {@code Retry-After}; stops at the first
 * refusal ({@link IngestRefused}).
 */
public final class XxgkClient {

    /** ingest's limits (DESIGN.md): 1000 events and 1 MiB a request */
    public static final int MAX_BATCH_EVENTS = 1000;
    public static final int MAX_BATCH_BYTES = 1 << 20;
    private static final Set<Integer> RETRIED = Set.of(429, 502, 503, 504);

    private final HttpClient http;
    private final URI endpoint;
    private final String token;
    private final int batchEvents;
    private final int maxAttempts;
    private final Duration timeout;
    private final Backoff backoff;
    private final RandomGenerator random = RandomGenerator.getDefault();

    private XxgkClient(Builder b) {
        this.http = HttpClient.newBuilder().connectTimeout(b.timeout).build();
        this.endpoint = URI.create(b.ingestUrl.replaceAll("/+$", "") + "/v1/events");
        this.token = b.token;
        this.batchEvents = b.batchEvents;
        this.maxAttempts = b.maxAttempts;
        this.timeout = b.timeout;
        this.backoff = new Backoff(b.initialBackoff, b.maxBackoff);
    }

    public static Builder builder(String ingestUrl, String token) {
        return new Builder(ingestUrl, token);
    }

    /** What a send did: events accepted, requests made, attempts retried. */
    public record Sent(long accepted, int requests, int retries) {
    }

    /**
     * Sends the events in order, in batches; returns once ingest has accepted all of them.
     *
     * @throws IngestRefused         a request was refused (the ones before it were accepted)
     * @throws IllegalStateException ingest stayed unavailable through every attempt
     */
    public Sent send(List<Event> events) throws InterruptedException {
        long accepted = 0;
        int requests = 0;
        int retries = 0;
        for (Batches.Body body : Batches.split(events, batchEvents, MAX_BATCH_BYTES)) {
            for (int attempt = 1; ; attempt++) {
                requests++;
                Optional<HttpResponse<String>> reply = post(body);
                if (reply.isPresent() && reply.get().statusCode() == 202) {
                    accepted += body.events();
                    break;
                }
                if (reply.isPresent() && !RETRIED.contains(reply.get().statusCode())) {
                    throw new IngestRefused(reply.get().statusCode(), reply.get().body(), accepted);
                }
                if (attempt == maxAttempts) {
                    throw new IllegalStateException("ingest at " + endpoint + " did not take a batch in " + maxAttempts + " attempts ("
                            + reply.map(r -> "last answer " + r.statusCode()).orElse("no answer") + "); " + accepted + " events accepted before");
                }
                retries++;
                Thread.sleep(backoff.delay(attempt, reply.flatMap(r -> Backoff.retryAfter(r.headers().firstValue("Retry-After"))), random));
            }
        }
        return new Sent(accepted, requests, retries);
    }

    /** The answer, or none when the request did not get one (timeout, refused or broken connection). */
    private Optional<HttpResponse<String>> post(Batches.Body body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/cloudevents-batch+json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.json()))
                .build();
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException unavailable) {
            return Optional.empty();
        }
    }

    public static final class Builder {
        private final String ingestUrl;
        private final String token;
        private int batchEvents = 500;
        private int maxAttempts = 10;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(30);

        private Builder(String ingestUrl, String token) {
            this.ingestUrl = ingestUrl;
            this.token = token;
        }

        /** Events per request, 1 to 1000 (requests also stay under 1 MiB). */
        public Builder batchEvents(int events) {
            if (events < 1 || events > MAX_BATCH_EVENTS) {
                throw new IllegalArgumentException("batchEvents must be 1 to " + MAX_BATCH_EVENTS);
            }
            this.batchEvents = events;
            return this;
        }

        public Builder maxAttempts(int attempts) {
            this.maxAttempts = Math.max(1, attempts);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        public XxgkClient build() {
            return new XxgkClient(this);
        }
    }
}
