package io.xxgk.bench;

import com.clickhouse.client.api.Client;
import io.xxgk.stack.AggregatorBacklog;
import io.xxgk.stack.KafkaAccess;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * {@code ./xxgk soak --minutes N}: the whole stack at a steady rate for N minutes, in the shapes
 * adapters send (an importer's batches of 1000, a CMS's batches of 100, webhooks' single events)
 * while a leader's dashboard asks for the year's report every 5 s. Sampled as it runs: the RSS of
 * every process and the aggregators' backlog. In the end: every accepted event stored once,
 * the backlog drained, and how each process's memory moved over the second half.
 */
final class Soak {

    record Options(Duration duration, int eventsPerSecond, Duration sampleEvery) {
    }

    /** One way adapters send, and its share of the rate. */
    private record Load(PacedSender.Shape shape, double share) {
    }

    /** One sample: seconds since the start, accepted so far, backlog, and the RSS of each process. */
    private record Sample(long second, long accepted, long backlog, Map<String, Long> rss) {
    }

    private static final List<String> PROCESSES = List.of("ingest", "aggregator", "dashboard", "kafka", "clickhouse");
    private static final List<String> SERVICES = List.of("ingest", "aggregator", "dashboard");
    private static final Duration DRAIN = Duration.ofMinutes(2);
    /** Growth over the second half beyond which a service's memory is not called flat (runs of 10 min and more). */
    private static final double FLAT = 0.10;

    private final Path repo;
    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final List<PacedSender> senders = new ArrayList<>();
    /** The leader's report requests that did not answer 200. */
    private final AtomicLong reportsFailed = new AtomicLong();
    private final List<Long> reportMillis = new ArrayList<>();

    Soak(Path repo, Options options) {
        this.repo = repo;
        this.options = options;
    }

    /** @return whether nothing was lost, the backlog drained, every process lived and (from 10 min on) memory stayed flat */
    boolean run() throws Exception {
        System.out.println("machine: " + Machine.here());
        List<Load> loads = List.of(
                new Load(PacedSender.Shape.batches("import", 1000, "soak-import"), 0.5),
                new Load(PacedSender.Shape.batches("cms", 100, "soak-cms"), 0.4),
                new Load(PacedSender.Shape.single("webhook", "soak-hook"), 0.1));
        System.out.printf("soak: %d events/s for %d min: %s; a report every 5 s; sampled every %d s%n", options.eventsPerSecond(),
                options.duration().toMinutes(), String.join(", ", loads.stream().map(l -> "%.0f%% as %s (%d per request)"
                        .formatted(l.share() * 100, l.shape().name(), l.shape().events())).toList()), options.sampleEvery().toSeconds());
        List<Sample> samples = new ArrayList<>();
        boolean alive = true;
        long stored;
        long backlogAtEnd;
        try (BenchStack bench = BenchStack.start(repo, "soak", Set.copyOf(PROCESSES));
             Client clickHouse = PipelineBenchmark.client(bench.env())) {
            StackEnv env = bench.env();
            URI ingest = URI.create(env.get(StackKeys.INGEST_URL) + "/v1/events");
            Map<String, Object> kafka = KafkaAccess.of(env).clientConfig();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> load = new ArrayList<>();
            for (Load each : loads) {
                PacedSender sender = new PacedSender(ingest, bench.token(), each.shape(), false);
                senders.add(sender);
                double requestsPerSecond = options.eventsPerSecond() * each.share() / each.shape().events();
                load.add(Thread.ofPlatform().name("soak-" + each.shape().name()).start(() -> {
                    try {
                        sender.run(requestsPerSecond, running::get);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            load.add(Thread.ofPlatform().name("soak-leader").start(() -> readReports(env, running)));
            long start = System.nanoTime();
            System.out.printf("%6s %10s %8s %8s %8s  RSS MiB: %s%n", "min", "accepted", "refused", "failed", "backlog",
                    String.join(" / ", PROCESSES));
            while (System.nanoTime() - start < options.duration().toNanos() && alive) {
                LockSupport.parkNanos(options.sampleEvery().toNanos());
                Map<String, Long> rss = new LinkedHashMap<>();
                for (String process : PROCESSES) {
                    rss.put(process, bench.stack().process(process).map(p -> Machine.rssMiB(p.pid())[0]).orElse(-1L));
                }
                alive = rss.values().stream().allMatch(r -> r > 0);
                Sample sample = new Sample((System.nanoTime() - start) / 1_000_000_000L, total(s -> s.accepted),
                        AggregatorBacklog.await(kafka, Duration.ZERO), rss);
                samples.add(sample);
                System.out.printf("%6.1f %10d %8d %8d %8d  %s%n", sample.second() / 60.0, sample.accepted(), total(s -> s.refused),
                        total(s -> s.failed) + reportsFailed.get(),
                        sample.backlog(), String.join(" / ", rss.values().stream().map(String::valueOf).toList()));
            }
            running.set(false);
            for (Thread thread : load) {
                thread.join();
            }
            backlogAtEnd = AggregatorBacklog.await(kafka, DRAIN);
            stored = clickHouse.queryAll("SELECT uniqExact(key) AS n FROM xxgk.events WHERE org = {org:String} AND startsWith(id, 'soak-')",
                    Map.of("org", BenchStack.ORG), null).getFirst().getLong("n");
        }
        return report(samples, stored, backlogAtEnd, alive);
    }

    private long total(Function<PacedSender, AtomicLong> counter) {
        return senders.stream().mapToLong(s -> counter.apply(s).get()).sum();
    }

    private boolean report(List<Sample> samples, long stored, long backlogAtEnd, boolean alive) {
        long accepted = total(s -> s.accepted);
        long lost = accepted - stored;
        double seconds = samples.isEmpty() ? 0 : samples.getLast().second();
        List<Long> backlogs = samples.stream().map(Sample::backlog).sorted().toList();
        long backlogMax = backlogs.isEmpty() ? 0 : backlogs.getLast();
        long backlogP95 = backlogs.isEmpty() ? 0 : backlogs.get((int) Math.min(backlogs.size() - 1, Math.round(backlogs.size() * 0.95)));
        List<Long> reports = reportMillis.stream().sorted().toList();
        System.out.printf("accepted %d events (%.0f/s), refused %d requests, failed %d; stored %d distinct; backlog max %d, p95 %d, "
                        + "after the load %d%n", accepted, accepted / Math.max(1, seconds), total(s -> s.refused), total(s -> s.failed), stored,
                backlogMax, backlogP95, backlogAtEnd);
        System.out.printf("the leader's report: %d answered, %d not, p50 %d ms, p99 %d ms%n", reports.size(), reportsFailed.get(),
                PacedSender.percentile(reports, 0.5), PacedSender.percentile(reports, 0.99));
        StringBuilder figures = new StringBuilder();
        boolean flat = true;
        if (!samples.isEmpty()) {
            Sample half = samples.get(samples.size() / 2);
            Sample end = samples.getLast();
            System.out.printf("%-11s %12s %12s %12s %10s%n", "RSS MiB", "at " + samples.getFirst().second() + " s", "at " + half.second() + " s",
                    "at " + end.second() + " s", "2nd half");
            for (String process : PROCESSES) {
                long mid = half.rss().get(process);
                long last = end.rss().get(process);
                double growth = mid > 0 ? (last - mid) / (double) mid : 0;
                System.out.printf("%-11s %12d %12d %12d %+9.1f%%%n", process, samples.getFirst().rss().get(process), mid, last, growth * 100);
                figures.append(" %s_rss_mib=%d %s_rss_growth_pct=%.1f".formatted(process, last, process, growth * 100));
                if (SERVICES.contains(process) && growth > FLAT && options.duration().toMinutes() >= 10) {
                    flat = false;
                }
            }
        }
        boolean ok = lost == 0 && backlogAtEnd == 0 && alive && flat;
        System.out.printf("soak_minutes=%d rate=%d accepted=%d lost=%d backlog_max=%d backlog_end=%d report_p99_ms=%d%s alive=%s ok=%s%n",
                options.duration().toMinutes(), options.eventsPerSecond(), accepted, lost, backlogMax, backlogAtEnd,
                PacedSender.percentile(reports, 0.99), figures, alive, ok);
        return ok;
    }

    private void readReports(StackEnv env, AtomicBoolean running) {
        String basic = Base64.getEncoder().encodeToString((env.get(StackKeys.DASHBOARD_USER) + ":" + env.get(StackKeys.DASHBOARD_PASSWORD))
                .getBytes(StandardCharsets.UTF_8));
        URI report = URI.create(env.get(StackKeys.DASHBOARD_URL) + "/api/v1/orgs/" + BenchStack.ORG + "/report?year="
                + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        while (running.get()) {
            long start = System.nanoTime();
            try {
                int status = http.send(HttpRequest.newBuilder(report).header("Authorization", "Basic " + basic)
                        .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    synchronized (reportMillis) {
                        reportMillis.add((System.nanoTime() - start) / 1_000_000);
                    }
                } else {
                    reportsFailed.incrementAndGet();
                }
            } catch (Exception e) {
                reportsFailed.incrementAndGet();
            }
            LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
        }
    }
}
