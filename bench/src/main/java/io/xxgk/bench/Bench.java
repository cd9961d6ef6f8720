package io.xxgk.bench;

import io.xxgk.stack.StackException;
import io.xxgk.stack.StackHome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./xxgk bench NAME}: each benchmark on fresh servers of its own, ending in one key=value line. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the platform against a baseline taken in the same run.",
        subcommands = {Bench.Ingest.class, Bench.Pipeline.class, Bench.Report.class, Bench.Chaos.class, Bench.SoakRun.class, Bench.Shapes.class})
public final class Bench {

    /** The load both ingest and pipeline benchmarks put on the platform, and their baseline. */
    static final class Load {
        @Option(names = "--seconds", defaultValue = "30", description = "measured seconds of each load (default ${DEFAULT-VALUE})")
        int seconds;

        @Option(names = "--warm-up", defaultValue = "10", description = "warm-up seconds before each (default ${DEFAULT-VALUE})")
        int warmUp;

        @Option(names = "--connections", defaultValue = "8", description = "concurrent adapters (default ${DEFAULT-VALUE})")
        int connections;

        @Option(names = "--producer-records", defaultValue = "2000000", description = "records ProducerPerformance sends (default ${DEFAULT-VALUE})")
        long producerRecords;
    }

    @Command(name = "ingest", description = "Ingest API vs Kafka's ProducerPerformance on the same broker.")
    static final class Ingest implements Callable<Integer> {
        @CommandLine.Mixin
        Load load = new Load();

        @Override
        public Integer call() throws Exception {
            Path repo = repo();
            IngestBenchmark.requireBuilt(repo);
            new IngestBenchmark(repo, new IngestBenchmark.Options(Duration.ofSeconds(load.warmUp), Duration.ofSeconds(load.seconds),
                    load.connections, load.producerRecords)).run();
            return 0;
        }
    }

    @Command(name = "pipeline", description = "End to end vs ProducerPerformance; the Kafka -> ClickHouse leg vs ClickHouse's Kafka engine; freshness.")
    static final class Pipeline implements Callable<Integer> {
        @CommandLine.Mixin
        Load load = new Load();

        @Option(names = "--freshness-seconds", defaultValue = "60", description = "seconds at 5000 events/s (default ${DEFAULT-VALUE})")
        int freshness;

        @Override
        public Integer call() throws Exception {
            Path repo = repo();
            IngestBenchmark.requireBuilt(repo);
            new PipelineBenchmark(repo, new PipelineBenchmark.Options(Duration.ofSeconds(load.warmUp), Duration.ofSeconds(load.seconds),
                    Duration.ofSeconds(freshness), load.connections, load.producerRecords)).run();
            return 0;
        }
    }

    @Command(name = "shapes", description = "The pipeline at fixed rates for single events and batches of 10, 100 and 1000: CPU per "
            + "event of each process, latency, freshness; then the knee of batches of 100.")
    static final class Shapes implements Callable<Integer> {
        @Option(names = "--seconds", defaultValue = "20", description = "seconds of each stage (default ${DEFAULT-VALUE})")
        int seconds;

        @Option(names = "--warm-up", defaultValue = "40", description = "warm-up seconds, not counted (default ${DEFAULT-VALUE})")
        int warmUp;

        @Option(names = "--knee-rates", defaultValue = "5000,10000,15000,20000,25000,30000", split = ",",
                description = "events/s tried in batches of 100, in turn, until the knee (default ${DEFAULT-VALUE})")
        List<Integer> kneeRates;

        @Override
        public Integer call() throws Exception {
            Path repo = repo();
            IngestBenchmark.requireBuilt(repo);
            new ShapesBenchmark(repo, new ShapesBenchmark.Options(Duration.ofSeconds(seconds), Duration.ofSeconds(warmUp),
                    kneeRates.stream().sorted().toList())).run();
            return 0;
        }
    }

    @Command(name = "report", description = "A year's report from the rollups vs the same answer from the stored events, at 10 M and 100 M events.")
    static final class Report implements Callable<Integer> {
        @Option(names = "--sizes", defaultValue = "10000000,100000000", split = ",",
                description = "stored events at each measurement (default ${DEFAULT-VALUE})")
        List<Long> sizes;

        @Option(names = "--runs", defaultValue = "50", description = "timed reports from the rollups per size (default ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--scan-runs", defaultValue = "5", description = "timed reports from the events per size (default ${DEFAULT-VALUE})")
        int scanRuns;

        @Override
        public Integer call() throws Exception {
            new ReportBenchmark(repo(), new ReportBenchmark.Options(sizes.stream().sorted().toList(), runs, scanRuns)).run();
            return 0;
        }
    }

    @Command(name = "chaos", description = "Known events through ingest while the aggregator is killed, the broker restarted and "
            + "ClickHouse stopped; re-sends and fuzzed requests; then lost, doubled and server errors (last line).")
    static final class Chaos implements Callable<Integer> {
        @Option(names = "--short", description = "the form CI runs: fewer events, a shorter stream and outage, fewer fuzzed requests")
        boolean brief;

        @Option(names = "--aggregators", defaultValue = "1", description = "aggregators in one consumer group (default ${DEFAULT-VALUE}); "
                + "from 2 on one is also stopped past its session timeout and resumed, from 3 on one leaves and joins again")
        int aggregators;

        @Override
        public Integer call() throws Exception {
            if (aggregators < 1 || aggregators > 3) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--aggregators must be 1, 2 or 3");
            }
            Path repo = repo();
            IngestBenchmark.requireBuilt(repo);
            ChaosSuite.Options options = brief
                    ? new ChaosSuite.Options(3_000, Duration.ofSeconds(40), 2, Duration.ofSeconds(8), 3, 1_000, 1, Duration.ofSeconds(10))
                    : new ChaosSuite.Options(20_000, Duration.ofSeconds(150), 3, Duration.ofSeconds(30), 3, 10_000, 1, Duration.ofSeconds(60));
            return new ChaosSuite(repo, options.withAggregators(aggregators)).run().ok() ? 0 : 1;
        }
    }

    @Command(name = "soak", description = "The whole stack at a steady rate in the adapters' shapes, with RSS and the aggregators' backlog "
            + "sampled; then nothing lost, the backlog drained, memory flat over the second half (last line).")
    static final class SoakRun implements Callable<Integer> {
        @Option(names = "--minutes", defaultValue = "60", description = "how long the load lasts (default ${DEFAULT-VALUE})")
        int minutes;

        @Option(names = "--rate", defaultValue = "2000", description = "events per second (default ${DEFAULT-VALUE})")
        int rate;

        @Override
        public Integer call() throws Exception {
            if (minutes < 1 || rate < 10) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--minutes must be at least 1 and --rate at least 10");
            }
            Path repo = repo();
            IngestBenchmark.requireBuilt(repo);
            Duration sampleEvery = Duration.ofSeconds(Math.min(60, Math.max(5, minutes * 60L / 40)));
            return new Soak(repo, new Soak.Options(Duration.ofMinutes(minutes), rate, sampleEvery)).run() ? 0 : 1;
        }
    }

    static Path repo() {
        return StackHome.findRepo(Path.of(System.getProperty("xxgk.root", ".")));
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Bench());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof StackException || e instanceof IOException) {
                cmd.getErr().println("xxgk bench: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
