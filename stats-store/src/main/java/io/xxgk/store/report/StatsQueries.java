package io.xxgk.store.report;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import io.xxgk.store.report.PeriodFigures.ChannelFigures;
import io.xxgk.store.report.PeriodFigures.ChecklistFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of a period, computed by the counting rules (docs/counting.md). Every query is
 * parameterized: org and dates are never spliced into SQL. Views come from the per-item daily
 * rollup; the other figures still read {@code events FINAL} (rollups for them are next).
 */
public final class StatsQueries {

    /** Items published in the period, minus those also retracted in it; the latest publication of an item decides its fields. */
    private static final String PUBLISHED = """
            WITH retracted AS (
                SELECT DISTINCT channel, item FROM events FINAL
                WHERE org = {org:String} AND type = 'xxgk.item.retracted' AND day BETWEEN {from:Date} AND {to:Date})
            SELECT channel, item, argMax(original, time) AS original, argMax(category, time) AS category,
                   argMax(department, time) AS department, max(day) AS last_day
            FROM events FINAL
            WHERE org = {org:String} AND type = 'xxgk.item.published' AND day BETWEEN {from:Date} AND {to:Date}
              AND (channel, item) NOT IN retracted
            GROUP BY channel, item
            """;

    private static final String ITEMS = "SELECT channel, count() AS items, countIf(original) AS original_items FROM ("
            + PUBLISHED + ") GROUP BY channel";

    private static final String CHECKLIST = """
            SELECT category, count() AS n, max(last_day) AS last_day, arraySort(groupUniqArrayIf(department, department != '')) AS departments
            FROM (%s) WHERE category > 0 GROUP BY category ORDER BY category
            """.formatted(PUBLISHED);

    /**
     * From the per-item daily rollup: deltas of items without running totals, plus (last total at
     * the end − last total before the start) of items with them; a total that went down (the
     * platform reset it) adds nothing rather than subtracting.
     */
    private static final String VIEWS = """
            SELECT channel,
                   sum(if(has_stats, toUInt64(greatest(end_total.2, start_total.2) - start_total.2), deltas)) AS views,
                   sum(if(has_stats, toUInt64(greatest(end_total.3, start_total.3) - start_total.3), delta_readers)) AS readers
            FROM (
                SELECT channel, item,
                       sum(stats_events) > 0 AS has_stats,
                       sumIf(views, day >= {from:Date}) AS deltas,
                       sumIf(readers, day >= {from:Date}) AS delta_readers,
                       max(last_total) AS end_total,
                       maxIf(last_total, day < {from:Date}) AS start_total
                FROM item_daily
                WHERE org = {org:String} AND day <= {to:Date}
                GROUP BY channel, item)
            GROUP BY channel
            """;

    private static final String FOLLOWERS = """
            SELECT channel, argMax(followers, time) AS followers FROM events FINAL
            WHERE org = {org:String} AND type = 'xxgk.channel.followers' AND day <= {to:Date}
            GROUP BY channel
            """;

    /** One issue per issue number; its latest event gives its pages. */
    private static final String ISSUES = """
            SELECT channel, count() AS issues, sum(pages) AS pages, max(issue_number) AS last_issue FROM (
                SELECT channel, issue_number, argMax(pages, time) AS pages FROM events FINAL
                WHERE org = {org:String} AND type = 'xxgk.issue.released' AND day BETWEEN {from:Date} AND {to:Date}
                GROUP BY channel, issue_number)
            GROUP BY channel
            """;

    /** Requests and complaints count distinct ids per stage or kind; service contacts sum their counts. */
    private static final String BY_KIND = """
            SELECT type, kind, if(type = 'xxgk.service.contact', sum(count), uniqExact(ref)) AS n FROM events FINAL
            WHERE org = {org:String} AND day BETWEEN {from:Date} AND {to:Date}
              AND type IN ('xxgk.request.received', 'xxgk.request.answered', 'xxgk.request.declined',
                           'xxgk.complaint.received', 'xxgk.service.contact')
            GROUP BY type, kind
            """;

    private final Client clickHouse;

    public StatsQueries(Client clickHouse) {
        this.clickHouse = clickHouse;
    }

    public PeriodFigures figures(String org, ReportPeriod period) {
        Map<String, Object> params = Map.of("org", org, "from", period.from().toString(), "to", period.to().toString());
        Map<String, long[]> channels = new TreeMap<>();
        Function<GenericRecord, long[]> channel = r -> channels.computeIfAbsent(r.getString("channel"), c -> new long[8]);
        for (GenericRecord r : query(ITEMS, params)) {
            long[] c = channel.apply(r);
            c[0] = r.getLong("items");
            c[1] = r.getLong("original_items");
        }
        for (GenericRecord r : query(VIEWS, params)) {
            long[] c = channel.apply(r);
            c[2] = r.getLong("views");
            c[3] = r.getLong("readers");
        }
        for (GenericRecord r : query(FOLLOWERS, params)) {
            channel.apply(r)[4] = r.getLong("followers");
        }
        for (GenericRecord r : query(ISSUES, params)) {
            long[] c = channel.apply(r);
            c[5] = r.getLong("issues");
            c[6] = r.getLong("last_issue");
            c[7] = r.getLong("pages");
        }
        List<ChannelFigures> perChannel = new ArrayList<>();
        channels.forEach((id, c) -> perChannel.add(new ChannelFigures(id, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7])));

        List<ChecklistFigures> checklist = query(CHECKLIST, params).stream()
                .map(r -> new ChecklistFigures(r.getInteger("category"), r.getLong("n"), LocalDate.parse(r.getString("last_day")),
                        r.getList("departments")))
                .toList();

        Map<String, Long> byKind = new TreeMap<>();
        for (GenericRecord r : query(BY_KIND, params)) {
            byKind.put(r.getString("type") + "/" + r.getString("kind"), r.getLong("n"));
        }
        return new PeriodFigures(org, period, perChannel, checklist,
                new PeriodFigures.Requests(kind(byKind, "xxgk.request.received", "received"),
                        kind(byKind, "xxgk.request.answered", "answered"), kind(byKind, "xxgk.request.declined", "declined")),
                new PeriodFigures.Complaints(kind(byKind, "xxgk.complaint.received", "report"),
                        kind(byKind, "xxgk.complaint.received", "review"), kind(byKind, "xxgk.complaint.received", "lawsuit")),
                new PeriodFigures.ServiceContacts(kind(byKind, "xxgk.service.contact", "call"), kind(byKind, "xxgk.service.contact", "visit"),
                        kind(byKind, "xxgk.service.contact", "online"), kind(byKind, "xxgk.service.contact", "handled")));
    }

    private static long kind(Map<String, Long> byKind, String type, String kind) {
        return byKind.getOrDefault(type + "/" + kind, 0L);
    }

    private List<GenericRecord> query(String sql, Map<String, Object> params) {
        return clickHouse.queryAll(sql, params, null);
    }
}
