package io.xxgk.bench;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
                    PipelineBenchmark.awaitMerges(clickHouse, Duration.ofMinutes(10));
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

    private Map<String, String> measure(Client clickHouse, long size) throws Exception {
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
        figures.putAll(dedupLookups(clickHouse, suffix));
        return figures;
    }

    /** Keys per lookup, as the aggregator sends a range's events of one org; of them, re-sends of stored events. */
    private static final int LOOKUP_KEYS = 500;
    private static final int RESENT = 10;
    private static final int LOOKUPS = 40;

    /**
     * The aggregator's dedup lookup against the events stored, and the same question put to events'
     * own primary key (the lookup before event_keys) as the baseline: rows read per key (ClickHouse's
     * own count, from the answer's summary) and time, on batches of {@value #LOOKUP_KEYS} keys of which
     * {@value #RESENT} are stored, the rest new.
     */
    private Map<String, String> dedupLookups(Client clickHouse, String suffix) throws Exception {
        EventsTable events = new EventsTable(clickHouse, "xxgk");
        List<UUID> stored = clickHouse.queryAll("SELECT key FROM xxgk.events WHERE org = {org:String} ORDER BY rand() LIMIT {n:UInt32}",
                Map.of("org", ORG, "n", RESENT * LOOKUPS), null).stream().map(r -> r.getUUID("key")).toList();
        long rows = 0;
        long baselineRows = 0;
        List<Double> millis = new ArrayList<>();
        List<Double> baselineMillis = new ArrayList<>();
        for (int n = 0; n < LOOKUPS; n++) {
            List<UUID> keys = new ArrayList<>(stored.subList(n * RESENT, (n + 1) * RESENT));
            while (keys.size() < LOOKUP_KEYS) {
                keys.add(UUID.randomUUID());
            }
            long start = System.nanoTime();
            EventsTable.Lookup lookup = events.storedKeys(ORG, keys, "bench");
            millis.add((System.nanoTime() - start) / 1e6);
            if (lookup.stored().size() != RESENT) {
                throw new IllegalStateException("the lookup found " + lookup.stored().size() + " of " + RESENT + " stored keys");
            }
            rows += lookup.rowsRead();
            start = System.nanoTime();
            String list = keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(","));
            try (QueryResponse response = clickHouse.query("SELECT key FROM xxgk.events WHERE org = {org:String} AND key IN (" + list + ")",
                    Map.of("org", ORG), new QuerySettings().serverSetting("http_wait_end_of_query", "1")).get()) {
                baselineRows += response.getReadRows();
            }
            baselineMillis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        Collections.sort(baselineMillis);
        double perKey = (double) rows / (LOOKUPS * LOOKUP_KEYS);
        double baselinePerKey = (double) baselineRows / (LOOKUPS * LOOKUP_KEYS);
        System.out.printf("    the dedup lookup (%d keys, %d of them stored, %d times): %.1f rows read per key, p50 %.1f ms; "
                        + "on events' own key: %.0f rows per key, p50 %.1f ms%n", LOOKUP_KEYS, RESENT, LOOKUPS, perKey, percentile(millis, 50),
                baselinePerKey, percentile(baselineMillis, 50));
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("dedup_rows_per_event" + suffix, "%.1f".formatted(perKey));
        figures.put("dedup_lookup_p50_ms" + suffix, "%.1f".formatted(percentile(millis, 50)));
        figures.put("dedup_rows_per_event_events_key" + suffix, "%.0f".formatted(baselinePerKey));
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
}
