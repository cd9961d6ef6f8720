package io.xxgk.bench;

import com.clickhouse.client.api.Client;
import io.xxgk.client.Event;
import io.xxgk.client.Events;
import io.xxgk.store.report.StatsQueries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The fault suite's overload stage: what ingest takes is measured first (sixteen clients sending
 * batches as fast as they are answered), then three times that is offered at an even pace, each
 * request sent once. Past capacity ingest is to refuse early (503 or 429 with Retry-After) rather
 * than queue; afterwards every event of an accepted request must be counted once, and no event of
 * a refused one stored.
 */
final class OverloadStage {

    static final String ITEM_PREFIX = "chaos-over-";
    private static final String CAPACITY_PREFIX = "chaos-capacity-";
    private static final int BATCH = 100;
    private static final Duration FAST = Duration.ofMillis(100);
    private static final int CLIENTS = 16;

    /**
     * @param capacity         events a second ingest accepted when asked as fast as it answered
     * @param accepted         requests answered 202
     * @param refused          requests answered 503 or 429
     * @param refusedFast      of those, answered within 100 ms
     * @param noAnswer         requests answered with anything else, or not at all (their events are not judged)
     * @param acceptedP99Ms    the 99th percentile of the accepted requests' answer times
     * @param refusedButStored events of refused requests that were stored
     */
    record Result(long capacity, int requests, int accepted, int refused, int refusedFast, int noAnswer, long acceptedP99Ms,
                  long lost, long doubled, long refusedButStored) {
    }

    private final URI endpoint;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OverloadStage(URI ingest, String token) {
        this.endpoint = ingest.resolve("/v1/events");
        this.token = token;
    }

    /** Measures, then offers three times the capacity for {@code load}; returns what it offered and how ingest answered. */
    Offered offer(Duration measure, Duration load) throws Exception {
        long capacity = capacity(measure);
        double requestsPerSecond = Math.max(1, 3.0 * capacity / BATCH);
        int requests = (int) Math.ceil(requestsPerSecond * load.toSeconds());
        long interval = (long) (1e9 / requestsPerSecond);
        int[] status = new int[requests];
        long[] millis = new long[requests];
        List<CompletableFuture<Void>> pending = new ArrayList<>(requests);
        long start = System.nanoTime();
        for (int r = 0; r < requests; r++) {
            long due = start + r * interval - System.nanoTime();
            if (due > 0) {
                Thread.sleep(Duration.ofNanos(due));
            }
            int request = r;
            long sent = System.nanoTime();
            pending.add(http.sendAsync(post(batch(ITEM_PREFIX + request + "-")), HttpResponse.BodyHandlers.discarding())
                    .handle((reply, failure) -> {
                        status[request] = reply == null ? 0 : reply.statusCode();
                        millis[request] = (System.nanoTime() - sent) / 1_000_000;
                        return null;
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return new Offered(capacity, status, millis);
    }

    /** What was offered: each request's answer (0: none) and its answer time. */
    record Offered(long capacity, int[] status, long[] millis) {
    }

    /** The offered requests' events looked up in the rollup the reports read. */
    static Result count(Client clickHouse, Offered offered) {
        Map<String, Long> views = new StatsQueries(clickHouse).viewsPerItem(BenchStack.ORG, "website", ITEM_PREFIX);
        int accepted = 0;
        int refused = 0;
        int refusedFast = 0;
        int noAnswer = 0;
        long lost = 0;
        long doubled = 0;
        long refusedButStored = 0;
        List<Long> acceptedMillis = new ArrayList<>();
        for (int r = 0; r < offered.status().length; r++) {
            int status = offered.status()[r];
            long stored = 0;
            for (int j = 0; j < BATCH; j++) {
                long seen = views.getOrDefault(ITEM_PREFIX + r + "-" + j, 0L);
                stored += seen > 0 ? 1 : 0;
                if (status == 202) {
                    lost += seen == 0 ? 1 : 0;
                    doubled += seen > 1 ? 1 : 0;
                }
            }
            if (status == 202) {
                accepted++;
                acceptedMillis.add(offered.millis()[r]);
            } else if (status == 503 || status == 429) {
                refused++;
                refusedFast += offered.millis()[r] <= FAST.toMillis() ? 1 : 0;
                refusedButStored += stored;
            } else {
                noAnswer++;
            }
        }
        acceptedMillis.sort(null);
        long p99 = acceptedMillis.isEmpty() ? 0 : acceptedMillis.get((int) Math.min(acceptedMillis.size() - 1, acceptedMillis.size() * 0.99));
        return new Result(offered.capacity(), offered.status().length, accepted, refused, refusedFast, noAnswer, p99, lost, doubled,
                refusedButStored);
    }

    /** {@value #CLIENTS} clients, each sending a batch as soon as the last is answered, for {@code measure}: events accepted a second. */
    private long capacity(Duration measure) throws Exception {
        AtomicLong accepted = new AtomicLong();
        long end = System.nanoTime() + measure.toNanos();
        List<Thread> clients = IntStream.range(0, CLIENTS).mapToObj(c -> Thread.ofPlatform().start(() -> {
            for (int n = 0; System.nanoTime() < end; n++) {
                try {
                    if (http.send(post(batch(CAPACITY_PREFIX + c + "-" + n + "-")), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 202) {
                        accepted.addAndGet(BATCH);
                    }
                } catch (Exception e) {
                    return;
                }
            }
        })).toList();
        for (Thread client : clients) {
            client.join();
        }
        return Math.max(BATCH, accepted.get() / Math.max(1, measure.toSeconds()));
    }

    private HttpRequest post(String json) {
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/cloudevents-batch+json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** A batch of views of 1 on items prefix0 … prefix99, on a day of 2025. */
    private static String batch(String prefix) {
        OffsetDateTime at = OffsetDateTime.of(LocalDate.of(2025, 6, 1), LocalTime.NOON, ZoneOffset.ofHours(8));
        List<Event> events = IntStream.range(0, BATCH).mapToObj(j -> Events.itemViewed("website", prefix + j, 1).source("/chaos-overload")
                .id(prefix + j).at(at).build()).toList();
        return events.stream().map(e -> e.toJson().toString()).collect(Collectors.joining(",", "[", "]"));
    }
}
