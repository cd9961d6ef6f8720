package io.xxgk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * An adapter of one shape sending at an even pace: each request once, without waiting for the one
 * before (an open load: a slow answer does not lower the rate), at most {@value #MAX_IN_FLIGHT} in
 * flight so that a stalled ingest does not pile requests up here (a request past that counts as failed).
 */
final class PacedSender {

    /** How an adapter sends: events per request, and the body's content type (a batch, or one structured event). */
    record Shape(String name, Bodies bodies, int events, String contentType) {

        static Shape batches(String name, int size, String prefix) {
            return new Shape(name, Bodies.batchOf(size, prefix), size, "application/cloudevents-batch+json");
        }

        static Shape single(String name, String prefix) {
            return new Shape(name, Bodies.eventOf(prefix), 1, "application/cloudevents+json");
        }
    }

    private static final int MAX_IN_FLIGHT = 256;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final URI ingest;
    private final String token;
    private final Shape shape;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    /** Request number → when it was answered 202 (epoch ms), and each answered request's latency, when recording. */
    private final Map<Long, Long> acceptedAt = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final boolean recording;

    PacedSender(URI ingest, String token, Shape shape, boolean recording) {
        this.ingest = ingest;
        this.token = token;
        this.shape = shape;
        this.recording = recording;
    }

    Shape shape() {
        return shape;
    }

    /** Sends {@code requestsPerSecond} while {@code keepGoing} says so, then waits for the answers in flight. */
    void run(double requestsPerSecond, BooleanSupplier keepGoing) throws InterruptedException {
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long interval = (long) (1e9 / requestsPerSecond);
        long start = System.nanoTime();
        for (long n = 0; keepGoing.getAsBoolean(); n++) {
            LockSupport.parkNanos(start + n * interval - System.nanoTime());
            requests.incrementAndGet();
            if (!inFlight.tryAcquire()) {
                failed.incrementAndGet();
                continue;
            }
            long number = n;
            long sentAt = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(ingest).header("Content-Type", shape.contentType())
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(shape.bodies().body(n))).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                int status = error == null ? response.statusCode() : 0;
                if (status == 202) {
                    accepted.addAndGet(shape.events());
                    if (recording) {
                        acceptedAt.put(number, System.currentTimeMillis());
                        synchronized (latencies) {
                            latencies.add((System.nanoTime() - sentAt) / 1_000_000);
                        }
                    }
                } else if (status == 503 || status == 429) {
                    refused.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            failed.addAndGet(MAX_IN_FLIGHT - inFlight.availablePermits());
        }
    }

    /** When each accepted request was answered (epoch ms), by request number: the start of its events' freshness. */
    Map<Long, Long> acceptedAt() {
        return acceptedAt;
    }

    /** The latencies of the accepted requests, ms, sorted. */
    List<Long> latencies() {
        synchronized (latencies) {
            return latencies.stream().sorted().toList();
        }
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * p)));
    }
}
