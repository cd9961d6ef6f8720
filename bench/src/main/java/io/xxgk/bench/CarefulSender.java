package io.xxgk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Posts batches to ingest as a careful adapter does: a 202 is the only yes; a 503, 429, 502 or
 * 504 or a lost connection is tried again after the Retry-After (at most {@link #MAX_PAUSE}) until
 * a deadline; any other answer is final. Every answer is tallied, so the fault suite can say how
 * the platform answered while it was being broken.
 */
final class CarefulSender {

    private static final Set<Integer> TRY_AGAIN = Set.of(429, 502, 503, 504);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(2);
    private static final Duration PAUSE = Duration.ofMillis(200);

    final LongAdder requests = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    /** Answers that asked to try again (503 + Retry-After while a broker is away) or none at all. */
    final LongAdder unavailable = new LongAdder();
    /** 5xx answers other than those: a server failing on its own. */
    final LongAdder serverErrors = new LongAdder();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;
    private final Duration deadline;

    CarefulSender(URI endpoint, String token, Duration deadline) {
        this.endpoint = endpoint;
        this.token = token;
        this.deadline = deadline;
    }

    /** @return whether ingest accepted the batch before the deadline */
    boolean send(String batch, int events) throws InterruptedException {
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/cloudevents-batch+json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build();
        while (true) {
            requests.increment();
            Duration pause = PAUSE;
            try {
                HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = reply.statusCode();
                if (status == 202) {
                    accepted.add(events);
                    return true;
                }
                if (TRY_AGAIN.contains(status)) {
                    unavailable.increment();
                    pause = reply.headers().firstValueAsLong("Retry-After").stream()
                            .mapToObj(Duration::ofSeconds).filter(d -> d.compareTo(MAX_PAUSE) < 0).findFirst().orElse(MAX_PAUSE);
                } else if (status >= 500) {
                    serverErrors.increment();
                } else {
                    rejected.add(events);
                    System.out.println("    refused " + status + ": " + reply.body());
                    return false;
                }
            } catch (IOException lostOrTimedOut) {
                unavailable.increment();
            }
            if (System.nanoTime() > giveUpAt) {
                return false;
            }
            Thread.sleep(pause);
        }
    }
}
