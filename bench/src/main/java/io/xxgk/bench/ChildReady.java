package io.xxgk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A server a benchmark started as a process of its own, waited for until it answers 200. */
final class ChildReady {

    private ChildReady() {
    }

    /**
     * @param failure what to say should it exit or not answer in time (where its log is)
     * @return the {@link System#nanoTime()} it first answered 200 at
     */
    static long await(Process process, URI url, Duration timeout, String failure) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(url).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(failure);
    }
}
