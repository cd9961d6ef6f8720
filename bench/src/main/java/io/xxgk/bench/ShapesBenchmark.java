package io.xxgk.bench;

import com.clickhouse.client.api.Client;
import io.xxgk.stack.StackKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./xxgk bench shapes}: the pipeline (Kafka, ClickHouse, ingest, aggregator) at fixed rates
 * in the shapes adapters send: single events (webhooks), batches of 10, 100 (a CMS) and 1000 (an
 * importer). Per stage: each process's CPU seconds from /proc, from the first request until every
 * accepted event is stored, over the events stored; request latency; freshness (202 to insert).
 * Then the knee of batches of 100: rising rates until p99 passes 1 s or over 1 % is refused.
 * Every stage prints its figures or its failure; the last line has them all.
 */
final class ShapesBenchmark {

    record Options(Duration stage, Duration warmUp, List<Integer> kneeRates) {
    }

    /** @param key names the stage in the last line, and prefixes its events' ids (no '-': freshness reads the id's parts) */
    private record Stage(String key, PacedSender.Shape shape, double requestsPerSecond) {
        double eventsPerSecond() {
            return requestsPerSecond * shape.events();
        }
    }

    /** What a stage measured; {@code failure} says what went wrong, the figures are what was measured before. */
    private record Figures(Stage stage, long accepted, long refused, long failed, Map<String, Double> cpuSeconds, long stored,
                           long p50, long p99, double[] freshness, String failure) {

        double cpuMicrosPerEvent() {
            double cpu = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
            return stored > 0 ? cpu * 1e6 / stored : Double.NaN;
        }

        boolean underKnee(long requests) {
            return failure == null && p99 >= 0 && p99 <= 1000 && refused + failed <= requests / 100;
        }
    }

    private static final List<String> PROCESSES = List.of("kafka", "clickhouse", "ingest", "aggregator");
    private static final Duration STORED_WITHIN = Duration.ofMinutes(3);

    private final Path repo;
    private final Options options;

    ShapesBenchmark(Path repo, Options options) {
        this.repo = repo;
        this.options = options;
    }

    void run() throws Exception {
        System.out.println("machine: " + Machine.here());
        List<Stage> stages = List.of(
                new Stage("b1", PacedSender.Shape.single("single events", "b1"), 200),
                new Stage("b10", PacedSender.Shape.batches("batches of 10", 10, "b10"), 200),
                new Stage("b100", PacedSender.Shape.batches("batches of 100", 100, "b100"), 50),
                new Stage("b1000", PacedSender.Shape.batches("batches of 1000", 1000, "b1000"), 10));
        Map<String, Figures> measured = new LinkedHashMap<>();
        Integer knee = null;
        try (BenchStack bench = BenchStack.start(repo, "shapes", Set.copyOf(PROCESSES));
             Client clickHouse = PipelineBenchmark.client(bench.env())) {
            URI ingest = URI.create(bench.env().get(StackKeys.INGEST_URL) + "/v1/events");
            System.out.printf("warm-up: batches of 100 at 2000 events/s for %d s, not counted%n", options.warmUp().toSeconds());
            measure(bench, clickHouse, ingest, new Stage("warm", PacedSender.Shape.batches("warm-up", 100, "warm"), 20), options.warmUp());
            System.out.printf("%-17s %8s %9s %7s %6s %9s  CPU s: %-30s %9s %8s %8s %11s %11s%n", "stage", "events/s", "accepted", "refused",
                    "failed", "stored", String.join(" / ", PROCESSES), "µs/event", "p50 ms", "p99 ms", "fresh p50", "fresh p99");
            for (Stage stage : stages) {
                Figures figures = measure(bench, clickHouse, ingest, stage, options.stage());
                measured.put(stage.key(), figures);
                print(figures);
            }
            System.out.println("the knee of batches of 100 (p99 past 1 s, or over 1 % refused or failed):");
            for (int rate : options.kneeRates()) {
                Stage stage = new Stage("k" + rate, PacedSender.Shape.batches("b100 at " + rate, 100, "k" + rate), rate / 100.0);
                Figures figures = measure(bench, clickHouse, ingest, stage, options.stage());
                print(figures);
                if (!figures.underKnee(Math.round(stage.requestsPerSecond() * options.stage().toSeconds()))) {
                    break;
                }
                knee = rate;
            }
        }
        StringBuilder last = new StringBuilder();
        for (Figures f : measured.values()) {
            String key = f.stage().key();
            last.append(String.format(Locale.ROOT, "cpu_us_per_event_%s=%.1f p99_ms_%s=%d freshness_p99_ms_%s=%.0f ", key,
                    f.cpuMicrosPerEvent(), key, f.p99(), key, f.freshness()[1]));
        }
        last.append("knee_eps_b100=").append(knee == null ? "none" : knee);
        System.out.println(last);
    }

    private Figures measure(BenchStack bench, Client clickHouse, URI ingest, Stage stage, Duration duration) throws InterruptedException {
        PacedSender sender = new PacedSender(ingest, bench.token(), stage.shape(), true);
        Map<String, Double> cpuBefore = cpu(bench);
        long storedBefore = PipelineBenchmark.stored(clickHouse, "xxgk");
        long end = System.nanoTime() + duration.toNanos();
        sender.run(stage.requestsPerSecond(), () -> System.nanoTime() < end);
        String failure = null;
        try {
            PipelineBenchmark.awaitStored(clickHouse, "xxgk", storedBefore + sender.accepted.get(), STORED_WITHIN);
        } catch (IllegalStateException notStored) {
            failure = notStored.getMessage();
        }
        Map<String, Double> cpuAfter = cpu(bench);
        Map<String, Double> used = new LinkedHashMap<>();
        cpuBefore.forEach((process, before) -> used.put(process, cpuAfter.get(process) - before));
        long stored = PipelineBenchmark.stored(clickHouse, "xxgk") - storedBefore;
        double[] freshness = {Double.NaN, Double.NaN, Double.NaN};
        try {
            freshness = PipelineBenchmark.freshness(clickHouse, stage.key(), sender.acceptedAt(), 0);
        } catch (IllegalStateException none) {
            failure = failure == null ? none.getMessage() : failure;
        }
        List<Long> latencies = sender.latencies();
        return new Figures(stage, sender.accepted.get(), sender.refused.get(), sender.failed.get(), used, stored,
                PacedSender.percentile(latencies, 0.5), PacedSender.percentile(latencies, 0.99), freshness, failure);
    }

    private static Map<String, Double> cpu(BenchStack bench) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String process : PROCESSES) {
            cpu.put(process, Machine.cpuSeconds(bench.pid(process)));
        }
        return cpu;
    }

    private static void print(Figures f) {
        List<String> cpu = new ArrayList<>();
        f.cpuSeconds().values().forEach(seconds -> cpu.add(String.format(Locale.ROOT, "%.1f", seconds)));
        System.out.printf(Locale.ROOT, "%-17s %8.0f %9d %7d %6d %9d  CPU s: %-30s %9.1f %8d %8d %11.0f %11.0f%n", f.stage().shape().name(),
                f.stage().eventsPerSecond(), f.accepted(), f.refused(), f.failed(), f.stored(), String.join(" / ", cpu),
                f.cpuMicrosPerEvent(), f.p50(), f.p99(), f.freshness()[0], f.freshness()[1]);
        if (f.failure() != null) {
            System.out.println("    failed: " + f.failure());
        }
    }
}
