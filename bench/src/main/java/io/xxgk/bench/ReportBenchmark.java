package io.xxgk.bench;

import com.clickhouse.client.api.Client;
import io.xxgk.stack.Stack;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackHome;
import io.xxgk.stack.StackKeys;
import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.store.Rollups;
import io.xxgk.store.events.EventsTable;
import io.xxgk.store.events.StoredEvent;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import io.xxgk.store.report.Source;
import io.xxgk.store.report.StatsQueries;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code ./xxgk bench report}: a province's events for 2023-2025 ({@link ProvinceEvents}) stored
 * through the real schema (events and the rollups its materialized views feed, as the aggregator
 * stores them), then the
 * 2024 report of its largest institution (a tenth of all events) read from the rollups, against
 * the same answer computed from the stored events ({@link Source#EVENTS}), at each size.
 */
final class ReportBenchmark {

    static final String ORG = "big";

    record Options(List<Long> sizes, int runs, int scanRuns) {
    }

    private static final int CHUNK = 200_000;

    private final Path repo;
    private final Options options;

    ReportBenchmark(Path repo, Options options) {
        this.repo = repo;
        this.options = options;
    }

    void run() throws Exception {
        System.out.println("machine: " + Machine.here());
        StackHome home = StackHome.of(repo, repo.resolve(".local/bench/report"));
        home.deleteState();
        Stack stack = Stack.servers(home).only(Set.of("clickhouse"));
        try {
            StackEnv env = stack.up(System.out);
            ClickHouseProperties properties = new ClickHouseProperties(env.get(StackKeys.CLICKHOUSE_URL), "xxgk", "default", "");
            new ClickHouseMigrations(properties).migrate();
            long clickHousePid = stack.process("clickhouse").orElseThrow().pid();
            try (Client clickHouse = ClickHouseClients.builder(properties).setDefaultDatabase("xxgk").build()) {
                EventsTable events = new EventsTable(clickHouse, "xxgk");
                Map<String, String> figures = new LinkedHashMap<>();
                long stored = 0;
                for (long size : options.sizes()) {
                    long start = System.nanoTime();
                    // the next chunk is made while ClickHouse stores this one
                    CompletableFuture<List<StoredEvent>> chunk = chunk(stored, size);
                    for (; stored < size; stored += Math.min(CHUNK, size - stored)) {
                        List<StoredEvent> these = chunk.join();
                        chunk = chunk(stored + these.size(), size);
                        events.insert(these);
                        System.out.printf("\r    stored %,d events", stored + these.size());
                    }
                    System.out.printf(" in %.0f s; waiting for merges…%n", (System.nanoTime() - start) / 1e9);
                    awaitMerges(clickHouse, Duration.ofMinutes(10));
                    // what the aggregator's hourly compaction does to the years before this one
                    new Rollups(clickHouse, "xxgk").compactClosedYears(2025);
                    figures.putAll(measure(clickHouse, size));
                }
                figures.put("clickhouse_rss_peak_mib", Long.toString(Machine.rssMiB(clickHousePid)[1]));
                StringBuilder line = new StringBuilder();
                figures.forEach((k, v) -> line.append(line.isEmpty() ? "" : " ").append(k).append('=').append(v));
                System.out.println(line);
            }
        } finally {
            stack.down(System.out);
        }
    }

    private static CompletableFuture<List<StoredEvent>> chunk(long start, long size) {
        return CompletableFuture.supplyAsync(() -> ProvinceEvents.range(start, (int) Math.min(CHUNK, Math.max(0, size - start))));
    }

    private Map<String, String> measure(Client clickHouse, long size) {
        ReportPeriod year = ReportPeriod.year(2024);
        StatsQueries rollups = new StatsQueries(clickHouse);
        StatsQueries events = new StatsQueries(clickHouse, Source.EVENTS);
        long rollupRows = new Rollups(clickHouse, "xxgk").rowCount();
        System.out.printf("(%s events) the 2024 report of '%s' (a tenth of them); rollups hold %,d rows%n", label(size), ORG, rollupRows);
        List<Double> report = time(() -> rollups.figures(ORG, year), 3, options.runs());
        List<Double> scan = time(() -> events.figures(ORG, year), 1, options.scanRuns());
        PeriodFigures fromRollups = rollups.figures(ORG, year);
        if (!fromRollups.equals(events.figures(ORG, year))) {
            throw new IllegalStateException("the rollups and the events disagree:\n" + fromRollups + "\n" + events.figures(ORG, year));
        }
        double ratio = percentile(scan, 50) / percentile(report, 50);
        System.out.printf("    from the rollups: p50 %.1f ms, p95 %.1f ms (%d runs); from the events: p50 %.0f ms (%d runs); %.0fx; same figures "
                        + "(items %,d, views %,d)%n", percentile(report, 50), percentile(report, 95), report.size(), percentile(scan, 50),
                scan.size(), ratio, fromRollups.totals().items(), fromRollups.totals().views());
        String suffix = size == options.sizes().getLast() ? "" : "_" + label(size);
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("report_p50_ms" + suffix, "%.1f".formatted(percentile(report, 50)));
        figures.put("report_p95_ms" + suffix, "%.1f".formatted(percentile(report, 95)));
        figures.put("scan_p50_ms" + suffix, "%.0f".formatted(percentile(scan, 50)));
        figures.put("scan_ratio" + suffix, "%.0f".formatted(ratio));
        figures.put("events" + suffix, Long.toString(size));
        return figures;
    }

    private static String label(long size) {
        return size % 1_000_000 == 0 ? size / 1_000_000 + "m" : Long.toString(size);
    }

    private static List<Double> time(Supplier<PeriodFigures> report, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            report.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            report.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }

    /** Queries are timed on the parts a server settles on, not on the many small parts of a bulk load. */
    private static void awaitMerges(Client clickHouse, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && clickHouse.queryAll("SELECT count() AS n FROM system.merges WHERE database = 'xxgk'").getFirst().getLong("n") > 0) {
            Thread.sleep(1000);
        }
    }
}
