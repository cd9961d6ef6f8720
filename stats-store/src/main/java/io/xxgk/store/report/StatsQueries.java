package io.xxgk.store.report;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import io.xxgk.store.report.PeriodFigures.ChannelFigures;
import io.xxgk.store.report.PeriodFigures.ChecklistFigures;
import io.xxgk.store.report.PeriodFigures.DepartmentFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of a period for one org or many (a province's roll-up), computed by the counting
 * rules of docs/counting.md from the rollup tables only: a report never reads {@code events}.
 * Every query is parameterized: orgs and dates are never spliced into SQL. Figures of several
 * orgs are counted per org, then added (an item or a request id is only unique within its org).
 */
public final class StatsQueries {

    /**
     * Items published in the period and not also retracted in it, each once with its latest
     * publication in the period: p = (time, original, category, department).
     */
    private static final String PUBLISHED = """
            SELECT org, channel, item, max(published) AS p, maxIf(day, toUnixTimestamp64Milli(published.1) > 0) AS last_day
            FROM item_publications
            WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
            GROUP BY org, channel, item
            HAVING toUnixTimestamp64Milli(p.1) > 0 AND NOT max(retracted)
            """;

    private static final String ITEMS = "SELECT channel, count() AS items, countIf(p.2) AS original_items FROM ("
            + PUBLISHED + ") GROUP BY channel";

    private static final String DEPARTMENTS = "SELECT p.4 AS department, count() AS items, countIf(p.2) AS original_items FROM ("
            + PUBLISHED + ") WHERE department != '' GROUP BY department ORDER BY items DESC, department";

    private static final String CHECKLIST = """
            SELECT p.3 AS category, count() AS n, max(last_day) AS last_day, arraySort(groupUniqArrayIf(p.4, p.4 != '')) AS departments
            FROM (%s) WHERE category > 0 GROUP BY category ORDER BY category
            """.formatted(PUBLISHED);

    /**
     * Deltas of items without running totals, plus (last total at the end − last total before the
     * start) of items with them; a total that went down (the platform reset it) adds nothing
     * rather than subtracting.
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
                WHERE org IN {orgs:Array(String)} AND day <= {to:Date}
                GROUP BY org, channel, item)
            GROUP BY channel
            """;

    private static final String FOLLOWERS = """
            SELECT channel, sum(last.2) AS followers FROM (
                SELECT org, channel, max(followers) AS last FROM channel_followers
                WHERE org IN {orgs:Array(String)} AND day <= {to:Date}
                GROUP BY org, channel)
            GROUP BY channel
            """;

    /** One issue per issue number; its latest release gives its pages. */
    private static final String ISSUES = """
            SELECT channel, count() AS issues, sum(latest.2) AS pages, max(issue_number) AS last_issue FROM (
                SELECT org, channel, issue_number, max(released) AS latest FROM channel_issues
                WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
                GROUP BY org, channel, issue_number)
            GROUP BY channel
            """;

    /** Requests and complaints count distinct ids per stage or kind; service contacts sum their counts. */
    private static final String CASEWORK = """
            SELECT type, kind, sum(n) AS n FROM (
                SELECT org, type, kind, if(type = 'xxgk.service.contact', sum(contacts), uniqExactMerge(refs)) AS n
                FROM casework_daily
                WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
                GROUP BY org, type, kind)
            GROUP BY type, kind
            """;

    private final Client clickHouse;

    public StatsQueries(Client clickHouse) {
        this.clickHouse = clickHouse;
    }

    public PeriodFigures figures(String org, ReportPeriod period) {
        return figures(List.of(org), period);
    }

    public PeriodFigures figures(Collection<String> orgs, ReportPeriod period) {
        Map<String, Object> params = Map.of("orgs", orgs.stream().sorted().toList(), "from", period.from().toString(),
                "to", period.to().toString());
        Map<String, Long> casework = casework(params);
        Function<String, Long> request = stage -> casework.getOrDefault("xxgk.request." + stage + "/" + stage, 0L);
        Function<String, Long> complaint = kind -> casework.getOrDefault("xxgk.complaint.received/" + kind, 0L);
        Function<String, Long> contact = kind -> casework.getOrDefault("xxgk.service.contact/" + kind, 0L);
        return new PeriodFigures(List.copyOf(orgs), period, channels(params), checklist(params), departments(params),
                new PeriodFigures.Requests(request.apply("received"), request.apply("answered"), request.apply("declined")),
                new PeriodFigures.Complaints(complaint.apply("report"), complaint.apply("review"), complaint.apply("lawsuit")),
                new PeriodFigures.ServiceContacts(contact.apply("call"), contact.apply("visit"), contact.apply("online"),
                        contact.apply("handled")));
    }

    private List<ChannelFigures> channels(Map<String, Object> params) {
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
        return perChannel;
    }

    private List<ChecklistFigures> checklist(Map<String, Object> params) {
        return query(CHECKLIST, params).stream()
                .map(r -> new ChecklistFigures(r.getInteger("category"), r.getLong("n"), LocalDate.parse(r.getString("last_day")),
                        r.getList("departments")))
                .toList();
    }

    private List<DepartmentFigures> departments(Map<String, Object> params) {
        return query(DEPARTMENTS, params).stream()
                .map(r -> new DepartmentFigures(r.getString("department"), r.getLong("items"), r.getLong("original_items")))
                .toList();
    }

    /** Keyed type/kind. */
    private Map<String, Long> casework(Map<String, Object> params) {
        Map<String, Long> byKind = new TreeMap<>();
        for (GenericRecord r : query(CASEWORK, params)) {
            byKind.put(r.getString("type") + "/" + r.getString("kind"), r.getLong("n"));
        }
        return byKind;
    }

    private List<GenericRecord> query(String sql, Map<String, Object> params) {
        return clickHouse.queryAll(sql, params, null);
    }
}
