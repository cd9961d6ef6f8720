package io.xxgk.bench;

import io.xxgk.stack.StackKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code ./xxgk bench ingest}: on one fresh broker, (a) Kafka's ProducerPerformance with records of
 * the events' size and the ingest service's producer settings, then (b) the ingest API under
 * concurrent batches of 100 and 1000 events; b/a is the figure.
 */
final class IngestBenchmark {

    record Options(Duration warmUp, Duration measured, int connections, long producerRecords) {
    }

    private final Path repo;
    private final Options options;

    IngestBenchmark(Path repo, Options options) {
        this.repo = repo;
        this.options = options;
    }

    void run() throws Exception {
        System.out.println("machine: " + Machine.here());
        try (BenchStack bench = BenchStack.start(repo, "ingest", Set.of("kafka", "ingest"))) {
            long ingestPid = bench.pid("ingest");
            System.out.println("(a) Kafka ProducerPerformance, " + options.producerRecords() + " records, "
                    + String.join(" ", ProducerPerf.PRODUCER_PROPS));
            ProducerPerf.Result baseline = ProducerPerf.baseline(repo, bench.env().get(StackKeys.KAFKA_BOOTSTRAP), bench.state(),
                    options.producerRecords());
            System.out.println("    " + baseline.summary());

            URI endpoint = URI.create(bench.env().get(StackKeys.INGEST_URL) + "/v1/events");
            List<LoadGenerator.Result> results = new ArrayList<>();
            for (int batchSize : List.of(100, 1000)) {
                System.out.printf("(b) ingest API, batches of %d, %d connections, %d s warm-up, %d s measured%n",
                        batchSize, options.connections(), options.warmUp().toSeconds(), options.measured().toSeconds());
                LoadGenerator.Result result = LoadGenerator.run(endpoint, bench.token(), Bodies.batchOf(batchSize, "b" + batchSize),
                        batchSize, options.connections(), options.warmUp(), options.measured());
                long[] rss = Machine.rssMiB(ingestPid);
                System.out.printf("    %,.0f events/s accepted (%,d requests, %d failed); ingest RSS %d MiB, peak %d MiB%n",
                        result.eventsPerSecond(), result.requests(), result.failures(), rss[0], rss[1]);
                results.add(result);
            }
            LoadGenerator.Result best = results.stream().max(Comparator.comparingDouble(LoadGenerator.Result::eventsPerSecond)).orElseThrow();
            long[] rss = Machine.rssMiB(ingestPid);
            System.out.printf("ingest_ratio=%.3f ingest_eps=%.0f producer_perf_eps=%.0f ingest_eps_batch100=%.0f ingest_eps_batch1000=%.0f ingest_rss_peak_mib=%d%n",
                    best.eventsPerSecond() / baseline.recordsPerSecond(), best.eventsPerSecond(), baseline.recordsPerSecond(),
                    results.get(0).eventsPerSecond(), results.get(1).eventsPerSecond(), rss[1]);
        }
    }

    static void requireBuilt(Path repo) throws IOException {
        for (String module : List.of("ingest-service", "aggregator-service")) {
            if (!Files.exists(repo.resolve(module).resolve("target").resolve(module + ".jar"))) {
                throw new IOException("build first: ./xxgk build");
            }
        }
    }
}
