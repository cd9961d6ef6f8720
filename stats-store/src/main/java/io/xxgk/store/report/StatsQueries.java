package io.xxgk.store.report;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import io.xxgk.store.report.PeriodFigures.ChannelFigures;
import io.xxgk.store.report.PeriodFigures.ChecklistFigures;
import io.xxgk.store.report.PeriodFigures.DepartmentFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures of a period for one org or many (a province's roll-up), computed by the counting
 * rules of docs/counting.md from the rollup tables only: a report never reads {@code events}
 * (which {@link #EVENTS} does, to check the rollups against).
 * Every query is parameterized: orgs and dates are never spliced into SQL. Figures of several
 * orgs are counted per org, then added (an item or a request id is only unique within its org).
 */
public final class StatsQueries {

    /**
     * Where the figures are read from: the inner queries, per org, that the outer ones of
     * {@link StatsQueries} add up. Each must give the columns the outer ones read.
     *
     * @param published items published in the period and not also retracted in it, each once with its
     *                  latest publication in the period: (org, channel, item, p = (time, original,
     *                  category, department), last_day)
     * @param views     per (org, channel): views and readers (Int64)
     * @param followers per (org, channel): last = the last (time, followers) at or before the end
     * @param issues    per (org, channel, issue_number) released in the period: latest = (time, pages)
     * @param casework  per (org, type, kind): n = distinct request or complaint ids, or summed contacts
     */
    public record Source(String name, String published, String views, String followers, String issues, String casework) {
    }

    /** The rollup tables: what reports read. */
    public static final Source ROLLUPS = new Source("rollups",
            """
            SELECT org, channel, item, max(published) AS p, maxIf(day, toUnixTimestamp64Milli(published.1) > 0) AS last_day
            FROM item_publications
            WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
            GROUP BY org, channel, item
            HAVING toUnixTimestamp64Milli(p.1) > 0 AND NOT max(retracted)""",
            // all deltas per channel, then, for the items with running totals, their totals instead of their deltas
            // (read from the channels that have such items: Weibo, Douyin, not the website's many items)
            """
            SELECT org, channel, sum(views) AS views, sum(readers) AS readers FROM (
                SELECT org, channel, toInt64(sum(views)) AS views, toInt64(sum(readers)) AS readers FROM channel_views_daily
                WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
                GROUP BY org, channel
                UNION ALL
                SELECT org, channel,
                       toInt64(greatest(end_views, start_views) - start_views) - toInt64(deltas) AS views,
                       toInt64(greatest(end_readers, start_readers) - start_readers) - toInt64(delta_readers) AS readers
                FROM (
                    -- an item's days have distinct times, so the latest by time alone is the day's latest total
                    SELECT org, channel, item, sumIf(views, day >= {from:Date}) AS deltas, sumIf(readers, day >= {from:Date}) AS delta_readers,
                           argMax(last_total.2, last_total.1) AS end_views, argMax(last_total.3, last_total.1) AS end_readers,
                           argMaxIf(last_total.2, last_total.1, day < {from:Date}) AS start_views,
                           argMaxIf(last_total.3, last_total.1, day < {from:Date}) AS start_readers
                    FROM item_daily
                    WHERE org IN {orgs:Array(String)} AND day <= {to:Date}
                      AND channel IN (
                          SELECT channel FROM stats_items
                          WHERE org IN {orgs:Array(String)} AND first_day <= {to:Date})
                    GROUP BY org, channel, item
                    HAVING sum(stats_events) > 0))
            GROUP BY org, channel""",
            """
            SELECT org, channel, max(followers) AS last FROM channel_followers
            WHERE org IN {orgs:Array(String)} AND day <= {to:Date}
            GROUP BY org, channel""",
            """
            SELECT org, channel, issue_number, max(released) AS latest FROM channel_issues
            WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
            GROUP BY org, channel, issue_number""",
            """
            SELECT org, type, kind, if(type = 'xxgk.service.contact', sum(contacts), uniqExactMerge(refs)) AS n
            FROM casework_daily
            WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
            GROUP BY org, type, kind""");

    /**
     * The stored events themselves ({@code FINAL}: each once): the same figures by the rules
     * directly, scanning every event of the orgs. For checking the rollups, and as the benchmark's
     * baseline; never for reports.
     */
    public static final Source EVENTS = new Source("events",
            """
            SELECT org, channel, item, max((time, original, category, toString(department))) AS p, max(day) AS last_day
            FROM events FINAL
            WHERE org IN {orgs:Array(String)} AND type = 'xxgk.item.published' AND day BETWEEN {from:Date} AND {to:Date}
              AND (org, channel, item) NOT IN (
                  SELECT org, channel, item FROM events FINAL
                  WHERE org IN {orgs:Array(String)} AND type = 'xxgk.item.retracted' AND day BETWEEN {from:Date} AND {to:Date})
            GROUP BY org, channel, item""",
            """
            SELECT org, channel,
                   sum(toInt64(if(has_stats, greatest(end_total.2, start_total.2) - start_total.2, deltas))) AS views,
                   sum(toInt64(if(has_stats, greatest(end_total.3, start_total.3) - start_total.3, delta_readers))) AS readers
            FROM (
                SELECT org, channel, item, countIf(type = 'xxgk.item.stats') > 0 AS has_stats,
                       sumIf(views, type = 'xxgk.item.viewed' AND day >= {from:Date}) AS deltas,
                       sumIf(readers, type = 'xxgk.item.viewed' AND day >= {from:Date}) AS delta_readers,
                       maxIf((time, total_views, total_readers), type = 'xxgk.item.stats') AS end_total,
                       maxIf((time, total_views, total_readers), type = 'xxgk.item.stats' AND day < {from:Date}) AS start_total
                FROM events FINAL
                WHERE org IN {orgs:Array(String)} AND day <= {to:Date} AND type IN ('xxgk.item.viewed', 'xxgk.item.stats')
                GROUP BY org, channel, item)
            GROUP BY org, channel""",
            """
            SELECT org, channel, max((time, followers)) AS last FROM events FINAL
            WHERE org IN {orgs:Array(String)} AND type = 'xxgk.channel.followers' AND day <= {to:Date}
            GROUP BY org, channel""",
            """
            SELECT org, channel, issue_number, max((time, pages)) AS latest FROM events FINAL
            WHERE org IN {orgs:Array(String)} AND type = 'xxgk.issue.released' AND day BETWEEN {from:Date} AND {to:Date}
            GROUP BY org, channel, issue_number""",
            """
            SELECT org, type, kind, if(type = 'xxgk.service.contact', sum(count), uniqExactIf(ref, ref != '')) AS n
            FROM events FINAL
            WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
              AND type IN ('xxgk.request.received', 'xxgk.request.answered', 'xxgk.request.declined',
                           'xxgk.complaint.received', 'xxgk.service.contact')
            GROUP BY org, type, kind""");

    /** The published items counted per channel, department and checklist item at once; the figures add these up. */
    private static final String PUBLICATIONS = """
            SELECT channel, p.4 AS department, p.3 AS category, count() AS items, countIf(p.2) AS original_items, max(last_day) AS last_day
            FROM (%s) GROUP BY channel, department, category""";

    /**
     * Views count the deltas of items without running totals, and (last total at the end − last
     * total before the start) of items with them; a total that went down (the platform reset it)
     * adds nothing rather than subtracting.
     */
    private static final String VIEWS = "SELECT channel, sum(views) AS views, sum(readers) AS readers FROM (%s) GROUP BY channel";

    private static final String FOLLOWERS = "SELECT channel, sum(last.2) AS followers FROM (%s) GROUP BY channel";

    /** One issue per issue number; its latest release gives its pages. */
    private static final String ISSUES = "SELECT channel, count() AS issues, sum(latest.2) AS pages, max(issue_number) AS last_issue "
            + "FROM (%s) GROUP BY channel";

    /** Requests and complaints count distinct ids per stage or kind; service contacts sum their counts. */
    private static final String CASEWORK = "SELECT type, kind, sum(n) AS n FROM (%s) GROUP BY type, kind";

    /** Queries wait on ClickHouse, not on a CPU here: a virtual thread each. */
    private static final Executor QUERIES = Executors.newVirtualThreadPerTaskExecutor();

    private final Client clickHouse;
    private final Source source;

    /** Figures from the rollups. */
    public StatsQueries(Client clickHouse) {
        this(clickHouse, ROLLUPS);
    }

    public StatsQueries(Client clickHouse, Source source) {
        this.clickHouse = clickHouse;
        this.source = source;
    }

    /** Items and views of each period (e.g. a year's months, for a trend), by the same rules as {@link #figures}. */
    public List<Reach> reach(Collection<String> orgs, List<ReportPeriod> periods) {
        List<CompletableFuture<List<GenericRecord>>> items = new ArrayList<>();
        List<CompletableFuture<List<GenericRecord>>> views = new ArrayList<>();
        for (ReportPeriod period : periods) {
            Map<String, Object> params = params(orgs, period);
            items.add(async("SELECT count() AS n FROM (%s)".formatted(source.published()), params));
            views.add(async("SELECT toInt64(sum(views)) AS n FROM (%s)".formatted(source.views()), params));
        }
        List<Reach> reach = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            reach.add(new Reach(periods.get(i), join(items.get(i)).getFirst().getLong("n"), join(views.get(i)).getFirst().getLong("n")));
        }
        return reach;
    }

    /**
     * The view deltas counted per item of one channel whose id starts with {@code itemPrefix}, over
     * all days: for audits that follow single events into the rollup the reports read.
     */
    public Map<String, Long> viewsPerItem(String org, String channel, String itemPrefix) {
        Map<String, Long> views = new HashMap<>();
        clickHouse.queryAll("""
                SELECT item, toInt64(sum(views)) AS views FROM item_daily
                WHERE org = {org:String} AND channel = {channel:String} AND startsWith(item, {prefix:String}) GROUP BY item""",
                Map.of("org", org, "channel", channel, "prefix", itemPrefix), null).forEach(r -> views.put(r.getString("item"), r.getLong("views")));
        return views;
    }

    /** Items published and views in one period. */
    public record Reach(ReportPeriod period, long items, long views) {
    }

    public PeriodFigures figures(String org, ReportPeriod period) {
        return figures(List.of(org), period);
    }

    public PeriodFigures figures(Collection<String> orgs, ReportPeriod period) {
        Map<String, Object> params = params(orgs, period);
        // all at once: a report then takes about as long as its slowest query
        var publications = async(PUBLICATIONS.formatted(source.published()), params);
        var views = async(VIEWS.formatted(source.views()), params);
        var followers = async(FOLLOWERS.formatted(source.followers()), params);
        var issues = async(ISSUES.formatted(source.issues()), params);
        var casework = async(CASEWORK.formatted(source.casework()), params);

        Map<String, Long> byKind = new TreeMap<>();
        for (GenericRecord r : join(casework)) {
            byKind.put(r.getString("type") + "/" + r.getString("kind"), r.getLong("n"));
        }
        Function<String, Long> request = stage -> byKind.getOrDefault("xxgk.request." + stage + "/" + stage, 0L);
        Function<String, Long> complaint = kind -> byKind.getOrDefault("xxgk.complaint.received/" + kind, 0L);
        Function<String, Long> contact = kind -> byKind.getOrDefault("xxgk.service.contact/" + kind, 0L);
        List<Publications> published = join(publications).stream().map(Publications::of).toList();
        return new PeriodFigures(List.copyOf(orgs), period, channels(published, join(views), join(followers), join(issues)),
                checklist(published), departments(published),
                new PeriodFigures.Requests(request.apply("received"), request.apply("answered"), request.apply("declined")),
                new PeriodFigures.Complaints(complaint.apply("report"), complaint.apply("review"), complaint.apply("lawsuit")),
                new PeriodFigures.ServiceContacts(contact.apply("call"), contact.apply("visit"), contact.apply("online"),
                        contact.apply("handled")));
    }

    /** Items published in the period of one channel, department and checklist item (0: none). */
    private record Publications(String channel, String department, int category, long items, long originalItems, LocalDate lastDay) {
        static Publications of(GenericRecord r) {
            return new Publications(r.getString("channel"), r.getString("department"), r.getInteger("category"), r.getLong("items"),
                    r.getLong("original_items"), LocalDate.parse(r.getString("last_day")));
        }
    }

    /** Per checklist item: how many, the last date, the departments (sorted), in item order. */
    private static List<ChecklistFigures> checklist(List<Publications> published) {
        Map<Integer, List<Publications>> byItem = published.stream().filter(p -> p.category() > 0)
                .collect(Collectors.groupingBy(Publications::category, TreeMap::new, Collectors.toList()));
        return byItem.entrySet().stream().map(e -> new ChecklistFigures(e.getKey(),
                        e.getValue().stream().mapToLong(Publications::items).sum(),
                        e.getValue().stream().map(Publications::lastDay).max(Comparator.naturalOrder()).orElseThrow(),
                        e.getValue().stream().map(Publications::department).filter(d -> !d.isEmpty()).distinct().sorted().toList()))
                .toList();
    }

    /** Per named department, most items first. */
    private static List<DepartmentFigures> departments(List<Publications> published) {
        Map<String, long[]> byDepartment = new TreeMap<>();
        for (Publications p : published) {
            if (!p.department().isEmpty()) {
                long[] d = byDepartment.computeIfAbsent(p.department(), k -> new long[2]);
                d[0] += p.items();
                d[1] += p.originalItems();
            }
        }
        return byDepartment.entrySet().stream().map(e -> new DepartmentFigures(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(DepartmentFigures::items).reversed()).toList();
    }

    private static List<ChannelFigures> channels(List<Publications> published, List<GenericRecord> views, List<GenericRecord> followers,
                                                 List<GenericRecord> issues) {
        Map<String, long[]> channels = new TreeMap<>();
        Function<GenericRecord, long[]> channel = r -> channels.computeIfAbsent(r.getString("channel"), c -> new long[8]);
        for (Publications p : published) {
            long[] c = channels.computeIfAbsent(p.channel(), k -> new long[8]);
            c[0] += p.items();
            c[1] += p.originalItems();
        }
        for (GenericRecord r : views) {
            long[] c = channel.apply(r);
            c[2] = r.getLong("views");
            c[3] = r.getLong("readers");
        }
        for (GenericRecord r : followers) {
            channel.apply(r)[4] = r.getLong("followers");
        }
        for (GenericRecord r : issues) {
            long[] c = channel.apply(r);
            c[5] = r.getLong("issues");
            c[6] = r.getLong("last_issue");
            c[7] = r.getLong("pages");
        }
        List<ChannelFigures> perChannel = new ArrayList<>();
        channels.forEach((id, c) -> perChannel.add(new ChannelFigures(id, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7])));
        return perChannel;
    }

    private static Map<String, Object> params(Collection<String> orgs, ReportPeriod period) {
        return Map.of("orgs", orgs.stream().sorted().toList(), "from", period.from().toString(), "to", period.to().toString());
    }

    private CompletableFuture<List<GenericRecord>> async(String sql, Map<String, Object> params) {
        return CompletableFuture.supplyAsync(() -> clickHouse.queryAll(sql, params, null), QUERIES);
    }

    private static List<GenericRecord> join(CompletableFuture<List<GenericRecord>> query) {
        try {
            return query.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
