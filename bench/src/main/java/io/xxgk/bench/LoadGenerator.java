package io.xxgk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent adapters posting batches as fast as ingest answers: a warm-up, then a measured window.
 * Bodies are prepared beforehand so the generator spends little CPU of the shared machine.
 */
final class LoadGenerator {

    record Result(int batchSize, int connections, long acceptedEvents, long requests, long failures, double seconds) {
        double eventsPerSecond() {
            return acceptedEvents / seconds;
        }
    }

    private LoadGenerator() {
    }

    static Result run(URI endpoint, String token, List<byte[]> bodies, int batchSize, int connections,
                      Duration warmUp, Duration measured) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong accepted = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    byte[] body = bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size()));
                    HttpRequest request = HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/cloudevents-batch+json")
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    boolean ok;
                    try {
                        ok = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
                    } catch (Exception e) {
                        ok = false;
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
        return new Result(batchSize, connections, accepted.get(), requests.get(), failures.get(), seconds);
    }
}
