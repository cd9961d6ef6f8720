package io.xxgk.bench;

import com.clickhouse.client.api.Client;
import io.xxgk.stack.Stack;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackHome;
import io.xxgk.stack.StackKeys;
import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.store.Rollups;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
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
import java.util.function.Supplier;

/**
 * {@code ./xxgk bench report}: a province's events for 2023-2025 stored through the real schema
 * (events and the rollups its materialized views feed, as the aggregator stores them), then the
 * 2024 report of its largest institution (a tenth of all events) read from the rollups, against
 * the same answer computed from the stored events ({@link StatsQueries#EVENTS}), at each size.
 */
final class ReportBenchmark {

    static final String ORG = "big";

    record Options(List<Long> sizes, int runs, int scanRuns) {
    }

    /**
     * Twenty institutions, a tenth of the events the large one's. Items (20 000 per institution)
     * are published on a day of the three years and viewed in the 30 days after: page views
     * (1-3 each) on the website, WeChat and the rest, running totals on Weibo, Douyin and
     * Channels. Besides: follower snapshots, newspaper issues, requests, complaints, contacts.
     */
    private static final String GENERATE = """
            INSERT INTO events (org, key, source, id, type, time, day, channel, item, department, category, original, title,
                                views, readers, total_views, total_readers, followers, issue_number, pages, ref, kind, count)
            WITH cityHash64(number) AS h,
                 if(number %% 10 = 0, '%s', concat('org-', toString(h %% 19))) AS o,
                 bitShiftRight(h, 8) %% 20000 AS k,
                 cityHash64(o, k) AS hk,
                 ['website', 'wechat', 'newspaper', 'screen', 'oa', 'egov', 'weibo', 'douyin', 'wechat-video'][1 + hk %% 9] AS ch,
                 toDate('2023-01-01') + toIntervalDay(hk %% 1096) AS published_day,
                 bitShiftRight(h, 40) %% 1000 AS t,
                 multiIf(t < 20, 'xxgk.item.published', t < 21, 'xxgk.item.retracted',
                         t < 920, if(ch IN ('weibo', 'douyin', 'wechat-video'), 'xxgk.item.stats', 'xxgk.item.viewed'),
                         t < 930, 'xxgk.channel.followers', t < 933, 'xxgk.issue.released', t < 950, 'xxgk.request.received',
                         t < 960, 'xxgk.request.answered', t < 963, 'xxgk.request.declined', t < 970, 'xxgk.complaint.received',
                         'xxgk.service.contact') AS ty,
                 least(toDate('2025-12-31'), multiIf(ty = 'xxgk.item.published', published_day,
                       startsWith(ty, 'xxgk.item.'), published_day + toIntervalDay(bitShiftRight(h, 20) %% 30),
                       toDate('2023-01-01') + toIntervalDay(bitShiftRight(h, 20) %% 1096))) AS d
            SELECT o, generateUUIDv4(number), '/bench', toString(number), ty,
                   toDateTime64(toDateTime(d, 'UTC') + toIntervalSecond(bitShiftRight(h, 28) %% 86400), 3, 'UTC'), d,
                   multiIf(startsWith(ty, 'xxgk.item.'), ch, ty = 'xxgk.channel.followers', ['wechat', 'weibo', 'douyin'][1 + bitShiftRight(h, 12) %% 3],
                           ty = 'xxgk.issue.released', 'newspaper', ''),
                   if(startsWith(ty, 'xxgk.item.'), concat('i', toString(k)), ''),
                   if(ty = 'xxgk.item.published', ['党政办公室', '教务处', '信息中心', '学生工作处', '科学技术处', '人事处'][1 + hk %% 6], ''),
                   if(ty = 'xxgk.item.published', hk %% 51, 0),
                   ty = 'xxgk.item.published' AND hk %% 3 = 0,
                   if(ty = 'xxgk.item.published', concat('通知公告第', toString(k), '号'), ''),
                   if(ty = 'xxgk.item.viewed', 1 + bitShiftRight(h, 50) %% 3, 0),
                   if(ty = 'xxgk.item.viewed', bitShiftRight(h, 52) %% 2, 0),
                   if(ty = 'xxgk.item.stats', toUInt64(d - published_day + 1) * 1000 + bitShiftRight(h, 50) %% 1000, 0),
                   if(ty = 'xxgk.item.stats', toUInt64(d - published_day + 1) * 100, 0),
                   if(ty = 'xxgk.channel.followers', 70000 + toUInt64(d - toDate('2023-01-01')) * 10 + bitShiftRight(h, 50) %% 10, 0),
                   if(ty = 'xxgk.issue.released', 300 + bitShiftRight(h, 12) %% 150, 0),
                   if(ty = 'xxgk.issue.released', 4 + bitShiftRight(h, 50) %% 5, 0),
                   multiIf(startsWith(ty, 'xxgk.request.'), concat('r', toString(bitShiftRight(h, 12) %% 3000)),
                           ty = 'xxgk.complaint.received', concat('c', toString(bitShiftRight(h, 12) %% 500)), ''),
                   multiIf(startsWith(ty, 'xxgk.request.'), splitByChar('.', ty)[3],
                           ty = 'xxgk.complaint.received', ['report', 'review', 'lawsuit'][1 + bitShiftRight(h, 12) %% 3],
                           ty = 'xxgk.service.contact', ['call', 'visit', 'online', 'handled'][1 + bitShiftRight(h, 12) %% 4], ''),
                   if(ty = 'xxgk.service.contact', 1 + bitShiftRight(h, 50) %% 5, 0)
            FROM numbers({start:UInt64}, {count:UInt64})
            """.formatted(ORG);

    private static final long CHUNK = 5_000_000;

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
            new ClickHouseMigrations(properties).afterPropertiesSet();
            long clickHousePid = stack.process("clickhouse").orElseThrow().pid();
            try (Client clickHouse = ClickHouseClients.builder(properties).setDefaultDatabase("xxgk").build()) {
                Map<String, String> figures = new LinkedHashMap<>();
                long stored = 0;
                for (long size : options.sizes()) {
                    long start = System.nanoTime();
                    for (; stored < size; stored += Math.min(CHUNK, size - stored)) {
                        clickHouse.query(GENERATE, Map.of("start", stored, "count", Math.min(CHUNK, size - stored)), null).get().close();
                        System.out.printf("\r    stored %,d events", stored + Math.min(CHUNK, size - stored));
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

    private Map<String, String> measure(Client clickHouse, long size) {
        ReportPeriod year = ReportPeriod.year(2024);
        StatsQueries rollups = new StatsQueries(clickHouse);
        StatsQueries events = new StatsQueries(clickHouse, StatsQueries.EVENTS);
        long orgEvents = clickHouse.queryAll("SELECT count() AS n FROM events WHERE org = '" + ORG + "'").getFirst().getLong("n");
        long rollupRows = clickHouse.queryAll("SELECT sum(rows) AS n FROM system.parts WHERE database = 'xxgk' AND active "
                + "AND table IN ('item_daily', 'item_publications', 'channel_followers', 'channel_issues', 'casework_daily')").getFirst().getLong("n");
        System.out.printf("(%s events) the 2024 report of '%s' (%,d of them); rollups hold %,d rows%n", label(size), ORG, orgEvents, rollupRows);
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
