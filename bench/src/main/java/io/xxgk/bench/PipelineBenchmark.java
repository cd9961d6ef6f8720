package io.xxgk.bench;

import com.clickhouse.client.api.Client;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackKeys;
import io.xxgk.store.events.EventsTable;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./xxgk bench pipeline}: on one fresh stack (Kafka, ClickHouse, ingest, aggregator),
 * <ol>
 *   <li>the baseline: Kafka's ProducerPerformance on the same broker;</li>
 *   <li>freshness at 5000 events/s: from the 202 that accepted an event to its insert into
 *       ClickHouse;</li>
 *   <li>end-to-end: batches of 1000 through HTTP as fast as ingest takes them, counted when visible
 *       in ClickHouse, backlog included;</li>
 *   <li>the Kafka → ClickHouse leg on the topic those left behind: ClickHouse's own Kafka engine and
 *       a materialized view into a typed table (no dedup, no rollups), then a fresh aggregator
 *       (dedup, events and five rollups), each consuming the whole topic alone.</li>
 * </ol>
 */
final class PipelineBenchmark {

    record Options(Duration warmUp, Duration measured, Duration freshness, int connections, long producerRecords) {
    }

    private static final Duration FRESHNESS_WARM_UP = Duration.ofSeconds(15);

    private final Path repo;
    private final Options options;

    PipelineBenchmark(Path repo, Options options) {
        this.repo = repo;
        this.options = options;
    }

    void run() throws Exception {
        System.out.println("machine: " + Machine.here());
        try (BenchStack bench = BenchStack.start(repo, "pipeline", Set.of("kafka", "clickhouse", "ingest", "aggregator"));
             Client clickHouse = client(bench.env())) {
            StackEnv env = bench.env();
            String bootstrap = env.get(StackKeys.KAFKA_BOOTSTRAP);
            System.out.println("(1) Kafka ProducerPerformance, " + options.producerRecords() + " records, "
                    + String.join(" ", ProducerPerf.PRODUCER_PROPS));
            ProducerPerf.Result baseline = ProducerPerf.baseline(repo, bootstrap, bench.state(), options.producerRecords());
            System.out.println("    " + baseline.summary());
            URI endpoint = URI.create(env.get(StackKeys.INGEST_URL) + "/v1/events");
            AtomicLong accepted = new AtomicLong();

            System.out.printf("(2) freshness: 5000 events/s (50 batches of 100 a second) for %d s, the first %d s not counted%n",
                    options.freshness().toSeconds(), FRESHNESS_WARM_UP.toSeconds());
            Map<Long, Long> acceptedAt = new ConcurrentHashMap<>();
            LoadGenerator.Result paced = LoadGenerator.paced(endpoint, bench.token(), Bodies.batchOf(100, "f"), 100, 50,
                    options.freshness(), acceptedAt::put);
            accepted.addAndGet(paced.allAccepted());
            awaitStored(clickHouse, "xxgk", accepted.get(), Duration.ofMinutes(2));
            double[] freshness = freshness(clickHouse, "f", acceptedAt, FRESHNESS_WARM_UP.toSeconds() * 50);
            System.out.printf("    %,.0f events/s accepted (%d failed requests); freshness p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    paced.eventsPerSecond(), paced.failures(), freshness[0], freshness[1], freshness[2]);

            System.out.printf("(3) end to end: batches of 1000, %d connections, %d s warm-up, %d s measured, then the backlog%n",
                    options.connections(), options.warmUp().toSeconds(), options.measured().toSeconds());
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
            AtomicLong storedAtStart = new AtomicLong();
            long[] windowStart = new long[1];
            clock.schedule(() -> {
                windowStart[0] = System.nanoTime();
                storedAtStart.set(stored(clickHouse, "xxgk"));
            }, options.warmUp().toMillis(), TimeUnit.MILLISECONDS);
            LoadGenerator.Result load = LoadGenerator.run(endpoint, bench.token(), Bodies.batchOf(1000, "e"), 1000,
                    options.connections(), options.warmUp(), options.measured());
            clock.shutdown();
            accepted.addAndGet(load.allAccepted());
            long visibleAt = awaitStored(clickHouse, "xxgk", accepted.get(), Duration.ofMinutes(10));
            long stored = stored(clickHouse, "xxgk");
            if (stored != accepted.get()) {
                throw new IllegalStateException(accepted.get() + " events accepted but " + stored + " stored");
            }
            double e2e = (stored - storedAtStart.get()) / ((visibleAt - windowStart[0]) / 1e9);
            long aggregatorRss = Machine.rssMiB(bench.pid("aggregator"))[1];
            System.out.printf("    ingest accepted %,.0f events/s; %,.0f events/s visible in ClickHouse (backlog drained %.1f s after the load)%n",
                    load.eventsPerSecond(), e2e, (visibleAt - windowStart[0]) / 1e9 - options.measured().toSeconds());

            bench.stack().only(Set.of("ingest", "aggregator")).down(System.out);
            System.out.printf("(4) Kafka -> ClickHouse, the %,d events on the topic, consumed alone by each%n", stored);
            double engine = KafkaEngineLeg.run(clickHouse, bootstrap, stored);
            System.out.printf("    ClickHouse Kafka engine + materialized view: %,.0f events/s%n", engine);
            AggregatorLeg.Result aggregator = AggregatorLeg.run(repo, bench.state(), env, clickHouse, stored);
            System.out.printf("    aggregator (dedup + events + rollups): %,.0f events/s, RSS peak %d MiB%n",
                    aggregator.eventsPerSecond(), aggregator.rssPeakMiB());

            System.out.printf("e2e_ratio=%.3f e2e_eps=%.0f producer_perf_eps=%.0f kafka_engine_ratio=%.3f aggregator_leg_eps=%.0f "
                            + "kafka_engine_eps=%.0f freshness_p50_ms=%.0f freshness_p99_ms=%.0f aggregator_rss_peak_mib=%d%n",
                    e2e / baseline.recordsPerSecond(), e2e, baseline.recordsPerSecond(), aggregator.eventsPerSecond() / engine,
                    aggregator.eventsPerSecond(), engine, freshness[0], freshness[1], Math.max(aggregatorRss, aggregator.rssPeakMiB()));
        }
    }

    static Client client(StackEnv env) {
        return ClickHouseClients.builder(new ClickHouseProperties(env.get(StackKeys.CLICKHOUSE_URL), "xxgk", "default", ""))
                .setDefaultDatabase("xxgk").build();
    }

    static long stored(Client clickHouse, String database) {
        return new EventsTable(clickHouse, database).rowCount();
    }

    /**
     * Polls until {@code expected} events are stored; a count that stops short means events were lost.
     *
     * @return the {@link System#nanoTime()} at which they were
     */
    static long awaitStored(Client clickHouse, String database, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count;
        while ((count = stored(clickHouse, database)) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(database + ": " + count + " of " + expected + " events stored after " + timeout);
            }
            Thread.sleep(100);
        }
        return System.nanoTime();
    }

    /**
     * Per event: from the 202 that accepted its request to its {@code ingested_at}, which ClickHouse
     * sets as the aggregator's insert of it begins (the insert then completes within a batch time).
     *
     * @param prefix the ids' prefix ({@code prefix-N-i}: N is the request's number)
     * @return p50, p99 and max in ms, over the requests from number {@code skip} on
     */
    static double[] freshness(Client clickHouse, String prefix, Map<Long, Long> acceptedAt, long skip) {
        List<Long> millis = new ArrayList<>();
        for (Map.Entry<String, Instant> stored : new EventsTable(clickHouse, "xxgk").storedAt(BenchStack.ORG, prefix + "-").entrySet()) {
            long n = Long.parseLong(stored.getKey().split("-")[1]);
            Long accepted = acceptedAt.get(n);
            if (n >= skip && accepted != null) {
                millis.add(Math.max(0, stored.getValue().toEpochMilli() - accepted));
            }
        }
        Collections.sort(millis);
        if (millis.isEmpty()) {
            throw new IllegalStateException("no events of the " + prefix + " run found");
        }
        return new double[] {millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1), millis.getLast()};
    }

    /** Until ClickHouse merges nothing: queries timed on the parts a server settles on, CPU at rest measured at rest. */
    static void awaitMerges(Client clickHouse, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && clickHouse.queryAll("SELECT count() AS n FROM system.merges WHERE database = 'xxgk'").getFirst().getLong("n") > 0) {
            Thread.sleep(1000);
        }
    }
}
