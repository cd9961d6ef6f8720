package io.xxgk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Adapters posting batches of distinct events: as fast as ingest answers (a warm-up, then a
 * measured window), or at a fixed rate. Bodies are cheap to make ({@link Bodies}) so the generator
 * spends little CPU of the shared machine.
 */
final class LoadGenerator {

    /**
     * @param acceptedEvents accepted in the measured window
     * @param allAccepted    accepted in all, warm-up included
     */
    record Result(int batchSize, int connections, long acceptedEvents, long allAccepted, long requests, long failures, double seconds) {
        double eventsPerSecond() {
            return acceptedEvents / seconds;
        }
    }

    private LoadGenerator() {
    }

    static Result run(URI endpoint, String token, Bodies bodies, int batchSize, int connections,
                      Duration warmUp, Duration measured) throws InterruptedException {
        HttpClient http = client();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong accepted = new AtomicLong();
        AtomicLong allAccepted = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    HttpRequest request = request(endpoint, token, bodies.body(next.getAndIncrement()));
                    boolean ok;
                    try {
                        ok = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (ok) {
                        allAccepted.addAndGet(batchSize);
                    }
                    if (counting.get()) {
                        requests.incrementAndGet();
                        if (ok) {
                            accepted.addAndGet(batchSize);
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                }
            }));
        }
        Thread.sleep(warmUp.toMillis());
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(measured.toMillis());
        counting.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(batchSize, connections, accepted.get(), allAccepted.get(), requests.get(), failures.get(), seconds);
    }

    /**
     * One batch every {@code 1/requestsPerSecond} s for {@code duration}, each sent without waiting
     * for the one before (an open load: a slow answer does not lower the rate).
     */
    static Result paced(URI endpoint, String token, Bodies bodies, int batchSize, int requestsPerSecond, Duration duration,
                        Accepted onAccepted) throws InterruptedException {
        HttpClient http = client();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long interval = 1_000_000_000L / requestsPerSecond;
        long start = System.nanoTime();
        for (long n = 0; System.nanoTime() - start < duration.toNanos(); n++) {
            LockSupport.parkNanos(start + n * interval - System.nanoTime());
            long request = n;
            sent.add(http.sendAsync(request(endpoint, token, bodies.body(n)), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error == null && response.statusCode() == 202) {
                            onAccepted.accepted(request, System.currentTimeMillis());
                            accepted.addAndGet(batchSize);
                        } else {
                            failures.incrementAndGet();
                        }
                    }));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return new Result(batchSize, 0, accepted.get(), accepted.get(), sent.size(), failures.get(), seconds);
    }

    /** Told when request {@code n} (whose body is {@code Bodies.body(n)}) was answered 202. */
    @FunctionalInterface
    interface Accepted {
        void accepted(long n, long epochMillis);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    private static HttpRequest request(URI endpoint, String token, byte[] body) {
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/cloudevents-batch+json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
