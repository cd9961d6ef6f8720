package io.xxgk.bench;

import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./xxgk bench ingest}: on one fresh broker, (a) Kafka's ProducerPerformance with records of
 * the events' size and the ingest service's producer settings, then (b) the ingest API under
 * concurrent batches of 100 and 1000 events; b/a is the figure. (c) The same batches to a bare
 * HTTP → Kafka forwarder ({@link Forwarder}) on the same broker, alternating with ingest, with the
 * CPU each server and the broker spent per event: the ceiling of ingest's job.
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
            String forwarder = againstForwarder(bench, endpoint);
            System.out.printf("ingest_ratio=%.3f ingest_eps=%.0f producer_perf_eps=%.0f ingest_eps_batch100=%.0f ingest_eps_batch1000=%.0f ingest_rss_peak_mib=%d %s%n",
                    best.eventsPerSecond() / baseline.recordsPerSecond(), best.eventsPerSecond(), baseline.recordsPerSecond(),
                    results.get(0).eventsPerSecond(), results.get(1).eventsPerSecond(), rss[1], forwarder);
        }
    }

    /** A measured round: events per second, and CPU µs per accepted event of the server and of the broker. */
    private record Round(double eventsPerSecond, double serverMicros, double kafkaMicros) {
    }

    /**
     * (c): the forwarder started beside ingest on the same broker; per batch size, a warm-up round
     * of each, then ingest, forwarder, ingest, forwarder; the rounds of each averaged. Its figures
     * are printed whatever happens; a failure is named in the last line's {@code forwarder_error}.
     */
    private String againstForwarder(BenchStack bench, URI ingest) {
        String port = StackEnv.freePort();
        Process forwarder = null;
        try {
            ProducerPerf.createTopic(bench.env().get(StackKeys.KAFKA_BOOTSTRAP), FORWARDER_TOPIC);
            forwarder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), Forwarder.class.getName(), bench.env().get(StackKeys.KAFKA_BOOTSTRAP), port,
                    FORWARDER_TOPIC).redirectErrorStream(true).redirectOutput(bench.state().resolve("forwarder.log").toFile()).start();
            URI forwarded = URI.create("http://127.0.0.1:" + port + "/v1/events");
            ChildReady.await(forwarder, URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(30),
                    "the forwarder did not start (see forwarder.log)");
            StringBuilder figures = new StringBuilder();
            for (int batchSize : List.of(100, 1000)) {
                Bodies bodies = Bodies.batchOf(batchSize, "f" + batchSize);
                System.out.printf("(c) ingest against the forwarder, batches of %d, %d connections, alternating%n", batchSize,
                        options.connections());
                round(bench.pid("ingest"), bench, ingest, bodies, batchSize, options.warmUp());
                round(forwarder.pid(), bench, forwarded, bodies, batchSize, options.warmUp());
                List<Round> ours = new ArrayList<>();
                List<Round> theirs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    ours.add(round(bench.pid("ingest"), bench, ingest, bodies, batchSize, options.measured()));
                    theirs.add(round(forwarder.pid(), bench, forwarded, bodies, batchSize, options.measured()));
                }
                Round ingestRound = mean(ours);
                Round forwarderRound = mean(theirs);
                System.out.printf("    ingest %,.0f events/s, %.1f µs CPU per event (Kafka %.1f); forwarder %,.0f events/s, %.1f µs (Kafka %.1f): "
                                + "%.2f× its rate, %.2f× its CPU per event%n", ingestRound.eventsPerSecond(), ingestRound.serverMicros(),
                        ingestRound.kafkaMicros(), forwarderRound.eventsPerSecond(), forwarderRound.serverMicros(), forwarderRound.kafkaMicros(),
                        ingestRound.eventsPerSecond() / forwarderRound.eventsPerSecond(),
                        ingestRound.serverMicros() / forwarderRound.serverMicros());
                String suffix = batchSize == 1000 ? "" : "_batch" + batchSize;
                figures.append(String.format(Locale.ROOT, "forwarder_ratio%s=%.3f forwarder_eps%s=%.0f forwarder_cpu_us%s=%.1f ingest_cpu_us%s=%.1f ",
                        suffix, ingestRound.eventsPerSecond() / forwarderRound.eventsPerSecond(), suffix, forwarderRound.eventsPerSecond(), suffix,
                        forwarderRound.serverMicros(), suffix, ingestRound.serverMicros()));
            }
            return figures.toString().strip();
        } catch (Exception e) {
            System.out.println("    the forwarder stage failed: " + e);
            return "forwarder_error=" + e.getClass().getSimpleName();
        } finally {
            if (forwarder != null) {
                forwarder.destroyForcibly();
            }
        }
    }

    private static final String FORWARDER_TOPIC = "bench.forwarder";

    private Round round(long serverPid, BenchStack bench, URI endpoint, Bodies bodies, int batchSize, Duration measured)
            throws InterruptedException {
        long kafkaPid = bench.pid("kafka");
        double server = Machine.cpuSeconds(serverPid);
        double kafka = Machine.cpuSeconds(kafkaPid);
        LoadGenerator.Result result = LoadGenerator.run(endpoint, bench.token(), bodies, batchSize, options.connections(), Duration.ofSeconds(2),
                measured);
        double events = Math.max(1, result.allAccepted());
        return new Round(result.eventsPerSecond(), (Machine.cpuSeconds(serverPid) - server) * 1e6 / events,
                (Machine.cpuSeconds(kafkaPid) - kafka) * 1e6 / events);
    }

    private static Round mean(List<Round> rounds) {
        return new Round(rounds.stream().mapToDouble(Round::eventsPerSecond).average().orElse(0),
                rounds.stream().mapToDouble(Round::serverMicros).average().orElse(0),
                rounds.stream().mapToDouble(Round::kafkaMicros).average().orElse(0));
    }

    static void requireBuilt(Path repo) throws IOException {
        for (String module : List.of("ingest-service", "aggregator-service")) {
            if (!Files.exists(repo.resolve(module).resolve("target").resolve(module + ".jar"))) {
                throw new IOException("build first: ./xxgk build");
            }
        }
    }
}
