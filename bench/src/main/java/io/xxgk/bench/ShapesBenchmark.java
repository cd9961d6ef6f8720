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
 * Then the knee of batches of 100: rising rates until p99 passes 1 s or over 1 % is refused; the
 * rate sustained is the highest of them up to which every event was also stored within 1 s (p99).
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
    private record Figures(Stage stage, long accepted, long refused, long failed, Map<String, Double> cpuSeconds, double seconds,
                           long stored, long p50, long p99, double[] freshness, AggregatorSteps.Totals steps, String failure) {

        double cpuMicrosPerEvent() {
            double cpu = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
            return stored > 0 ? cpu * 1e6 / stored : Double.NaN;
        }

        /** What the stack spends at rest over the stage's time taken off: the cost the events added. */
        double cpuMicrosPerEventAboveIdle(double idleCoresUsed) {
            double cpu = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() - idleCoresUsed * seconds;
            return stored > 0 ? Math.max(0, cpu) * 1e6 / stored : Double.NaN;
        }

        boolean underKnee(long requests) {
            return failure == null && p99 >= 0 && p99 <= 1000 && refused + failed <= requests / 100;
        }

        /** The aggregator kept up: events stored within a second of their 202, p99. */
        boolean fresh() {
            return failure == null && freshness[1] < 1000;
        }
    }

    private static final List<String> PROCESSES = List.of("kafka", "clickhouse", "ingest", "aggregator");
    private static final Duration STORED_WITHIN = Duration.ofMinutes(3);
    private static final Duration IDLE = Duration.ofSeconds(10);

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
        Integer sustained = null;
        boolean keptUp = true;
        double idle = Double.NaN;
        try (BenchStack bench = BenchStack.start(repo, "shapes", Set.copyOf(PROCESSES));
             Client clickHouse = PipelineBenchmark.client(bench.env())) {
            URI ingest = URI.create(bench.env().get(StackKeys.INGEST_URL) + "/v1/events");
            // every shape's code path compiled before it is measured: a JIT at work is not the cost of an event
            Duration each = options.warmUp().dividedBy(stages.size());
            System.out.printf("warm-up: each stage's shape and rate for %d s, not counted%n", each.toSeconds());
            for (Stage stage : stages) {
                String key = "w" + stage.key();
                PacedSender.Shape shape = stage.shape().events() == 1 ? PacedSender.Shape.single("warm-up", key)
                        : PacedSender.Shape.batches("warm-up", stage.shape().events(), key);
                measure(bench, clickHouse, ingest, new Stage(key, shape, stage.requestsPerSecond()), each);
            }
            idle = idleCoresUsed(bench, clickHouse);
            System.out.printf("%-17s %8s %9s %7s %6s %9s  CPU s: %-30s %9s %9s %8s %8s %11s %11s%n", "stage", "events/s", "accepted",
                    "refused", "failed", "stored", String.join(" / ", PROCESSES), "µs/event", "over idle", "p50 ms", "p99 ms", "fresh p50",
                    "fresh p99");
            for (Stage stage : stages) {
                Figures figures = measure(bench, clickHouse, ingest, stage, options.stage());
                measured.put(stage.key(), figures);
                print(figures, idle);
            }
            System.out.println("the knee of batches of 100 (p99 past 1 s, or over 1 % refused or failed; sustained: freshness p99 under 1 s):");
            for (int rate : options.kneeRates()) {
                Stage stage = new Stage("k" + rate, PacedSender.Shape.batches("b100 at " + rate, 100, "k" + rate), rate / 100.0);
                Figures figures = measure(bench, clickHouse, ingest, stage, options.stage());
                print(figures, idle);
                if (!figures.underKnee(Math.round(stage.requestsPerSecond() * options.stage().toSeconds()))) {
                    break;
                }
                knee = rate;
                keptUp &= figures.fresh();
                if (keptUp) {
                    sustained = rate;
                }
            }
        }
        StringBuilder last = new StringBuilder();
        for (Figures f : measured.values()) {
            String key = f.stage().key();
            last.append(String.format(Locale.ROOT, "cpu_us_per_event_%s=%.1f cpu_over_idle_us_per_event_%s=%.1f p99_ms_%s=%d "
                    + "freshness_p99_ms_%s=%.0f ", key, f.cpuMicrosPerEvent(), key, f.cpuMicrosPerEventAboveIdle(idle), key, f.p99(), key,
                    f.freshness()[1]));
        }
        last.append(String.format(Locale.ROOT, "idle_cores=%.3f ", idle));
        last.append("knee_eps_b100=").append(knee == null ? "none" : knee);
        last.append(" sustained_eps_b100=").append(sustained == null ? "none" : sustained);
        System.out.println(last);
    }

    private Figures measure(BenchStack bench, Client clickHouse, URI ingest, Stage stage, Duration duration) throws InterruptedException {
        PacedSender sender = new PacedSender(ingest, bench.token(), stage.shape(), true);
        AggregatorSteps steps = new AggregatorSteps(bench.env().get(StackKeys.AGGREGATOR_URL));
        AggregatorSteps.Totals stepsBefore = steps.read();
        Map<String, Double> cpuBefore = cpu(bench);
        long startedAt = System.nanoTime();
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
        AggregatorSteps.Totals stepsTaken = steps.read().minus(stepsBefore);
        double seconds = (System.nanoTime() - startedAt) / 1e9;
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
        return new Figures(stage, sender.accepted.get(), sender.refused.get(), sender.failed.get(), used, seconds, stored,
                PacedSender.percentile(latencies, 0.5), PacedSender.percentile(latencies, 0.99), freshness, stepsTaken, failure);
    }

    /**
     * The cores the four processes use at rest (heartbeats, ClickHouse's own housekeeping), once the
     * merges of what came before are done: the baseline each stage's cost is also given above.
     */
    private static double idleCoresUsed(BenchStack bench, Client clickHouse) throws InterruptedException {
        PipelineBenchmark.awaitMerges(clickHouse, Duration.ofMinutes(2));
        Map<String, Double> before = cpu(bench);
        long start = System.nanoTime();
        // a measurement window, not a wait for something to happen
        Thread.sleep(IDLE.toMillis());
        Map<String, Double> after = cpu(bench);
        double seconds = (System.nanoTime() - start) / 1e9;
        double used = before.entrySet().stream().mapToDouble(e -> after.get(e.getKey()) - e.getValue()).sum();
        System.out.printf(Locale.ROOT, "at rest: %.3f cores over %.0f s (the four processes)%n", used / seconds, seconds);
        return used / seconds;
    }

    private static Map<String, Double> cpu(BenchStack bench) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String process : PROCESSES) {
            cpu.put(process, Machine.cpuSeconds(bench.pid(process)));
        }
        return cpu;
    }

    private static void print(Figures f, double idle) {
        List<String> cpu = new ArrayList<>();
        f.cpuSeconds().values().forEach(seconds -> cpu.add(String.format(Locale.ROOT, "%.1f", seconds)));
        System.out.printf(Locale.ROOT, "%-17s %8.0f %9d %7d %6d %9d  CPU s: %-30s %9.1f %9.1f %8d %8d %11.0f %11.0f%n",
                f.stage().shape().name(), f.stage().eventsPerSecond(), f.accepted(), f.refused(), f.failed(), f.stored(), String.join(" / ", cpu),
                f.cpuMicrosPerEvent(), f.cpuMicrosPerEventAboveIdle(idle), f.p50(), f.p99(), f.freshness()[0], f.freshness()[1]);
        if (!f.steps().steps().isEmpty()) {
            System.out.println("    the aggregator's steps with ClickHouse: " + f.steps().describe());
        }
        if (f.failure() != null) {
            System.out.println("    failed: " + f.failure());
        }
    }
}
