package io.xxgk.store.report;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import io.xxgk.contract.EventType;
import io.xxgk.store.report.PeriodFigures.ChannelFigures;
import io.xxgk.store.report.PeriodFigures.ChecklistFigures;
import io.xxgk.store.report.PeriodFigures.DepartmentFigures;
import io.xxgk.store.report.Publications.Count;
import io.xxgk.store.report.Publications.Publication;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The figures of a period for one org or many (a province's roll-up), computed by the counting
 * rules of docs/counting.md, one {@link Measure} each, from the rollup tables only: a report never
 * reads {@code events} (which {@link Source#EVENTS} does, to check the rollups against).
 * Every query is parameterized: orgs, dates and event types are never spliced into SQL. Figures
 * of several orgs are counted per org, then added (an item or a request id is only unique within
 * its org).
 */
public final class StatsQueries {

    private static final Publications PUBLICATIONS = new Publications();
    private static final ChannelViews VIEWS = new ChannelViews();
    private static final Followers FOLLOWERS = new Followers();
    private static final Issues ISSUES = new Issues();
    private static final Casework CASEWORK = new Casework();
    private static final Reported REPORTED = new Reported();
    private static final Disclosures DISCLOSURES = new Disclosures();
    private static final DeclinedReasons DECLINED_REASONS = new DeclinedReasons();
    private static final Notices NOTICES = new Notices();
    private static final DepartmentViews DEPARTMENT_VIEWS = new DepartmentViews();

    /** Queries wait on ClickHouse, not on a CPU here: a virtual thread each. */
    private static final Executor QUERIES = Executors.newVirtualThreadPerTaskExecutor();

    private final Client clickHouse;
    private final Source source;

    /** Figures from the rollups. */
    public StatsQueries(Client clickHouse) {
        this(clickHouse, Source.ROLLUPS);
    }

    public StatsQueries(Client clickHouse, Source source) {
        this.clickHouse = clickHouse;
        this.source = source;
    }

    /**
     * The items a drill-down reads: all, one channel's, or one department's (those whose latest
     * publication names it, as the report's departments count them); '' for any.
     */
    public record Slice(String channel, String department) {
        public static final Slice ALL = new Slice("", "");

        public static Slice channel(String channel) {
            return new Slice(channel, "");
        }

        public static Slice department(String department) {
            return new Slice("", department);
        }

        /** The slice's items and views among a period's figures. */
        Reach reach(PeriodFigures figures) {
            if (!department.isEmpty()) {
                return figures.departments().stream().filter(d -> d.department().equals(department)).findFirst()
                        .map(d -> new Reach(figures.period(), d.items(), d.views())).orElse(new Reach(figures.period(), 0, 0));
            }
            if (!channel.isEmpty()) {
                return figures.channels().stream().filter(c -> c.channel().equals(channel)).findFirst()
                        .map(c -> new Reach(figures.period(), c.items(), c.views())).orElse(new Reach(figures.period(), 0, 0));
            }
            return new Reach(figures.period(), figures.totals().items(), figures.totals().views());
        }

        private void into(Map<String, Object> params) {
            params.put("channel", channel);
            params.put("department", department);
        }
    }

    /**
     * Items and views of each month from {@code first} to {@code last} (of a slice of the items),
     * by the same rules as {@link #figures} over each month: from the rollups, two queries
     * whatever the months (a trend's 24 months); from the events, a report's queries each month.
     */
    public List<Reach> months(Collection<String> orgs, YearMonth first, YearMonth last, Slice slice) {
        List<ReportPeriod> periods = Stream.iterate(first, m -> !m.isAfter(last), m -> m.plusMonths(1))
                .map(m -> ReportPeriod.range(m.atDay(1), m.atEndOfMonth())).toList();
        if (source == Source.EVENTS) {
            return periods.stream().map(p -> slice.reach(figures(orgs, p))).toList();
        }
        Map<String, Object> params = params(orgs, ReportPeriod.range(first.atDay(1), last.atEndOfMonth()));
        params.put("months", periods.stream().map(p -> p.from().toString()).toList());
        slice.into(params);
        var items = async(Publications.PER_MONTH, params);
        var views = async(slice.department().isEmpty() ? ChannelViews.PER_MONTH : DepartmentViews.PER_MONTH, params);
        Map<LocalDate, Long> itemsOf = byMonth(join(items));
        Map<LocalDate, Long> viewsOf = byMonth(join(views));
        return periods.stream().map(p -> new Reach(p, itemsOf.getOrDefault(p.from(), 0L), viewsOf.getOrDefault(p.from(), 0L))).toList();
    }

    /**
     * A slice's items most viewed in the period (views by the rules of {@link #figures}), with
     * the title and address of their latest publication (from the stored events: a drill-down's
     * read, not a report's).
     */
    public List<ItemViews> topItems(Collection<String> orgs, Slice slice, ReportPeriod period, int limit) {
        Map<String, Object> params = params(orgs, period);
        slice.into(params);
        params.put("limit", limit);
        boolean rollups = source == Source.ROLLUPS;
        String seen = "(" + (rollups ? ChannelViews.ITEMS_FROM_ROLLUPS : ChannelViews.ITEMS_FROM_EVENTS) + ")";
        // a department's items are those its latest publication names: every item's publications
        // are grouped for that, so only when a department is asked
        String items = slice.department().isEmpty() ? seen : seen + """
                 AS seen INNER JOIN (SELECT * FROM (%s) WHERE department = {department:String}) AS named USING (org, channel, item)"""
                .formatted(rollups ? DepartmentViews.NAMED_FROM_ROLLUPS : DepartmentViews.NAMED_FROM_EVENTS);
        List<GenericRecord> top = clickHouse.queryAll("SELECT org, channel, item, views FROM " + items
                + " WHERE {channel:String} IN ('', channel) AND views > 0 ORDER BY views DESC, org, channel, item LIMIT {limit:UInt32}", params, null);
        if (top.isEmpty()) {
            return List.of();
        }
        params.put("channels", top.stream().map(r -> r.getString("channel")).distinct().toList());
        params.put("items", top.stream().map(r -> r.getString("item")).distinct().toList());
        Map<String, GenericRecord> published = clickHouse.queryAll("""
                        SELECT org, channel, item, argMax(title, time) AS title, argMax(url, time) AS url FROM events
                        WHERE org IN {orgs:Array(String)} AND channel IN {channels:Array(String)} AND type = {ITEM_PUBLISHED:String}
                          AND item IN {items:Array(String)}
                        GROUP BY org, channel, item""", params, null).stream()
                .collect(Collectors.toMap(StatsQueries::itemKey, r -> r));
        return top.stream().map(r -> {
            GenericRecord p = published.get(itemKey(r));
            return new ItemViews(r.getString("org"), r.getString("channel"), r.getString("item"), p == null ? "" : p.getString("title"),
                    p == null ? "" : p.getString("url"), r.getLong("views"));
        }).toList();
    }

    private static String itemKey(GenericRecord row) {
        return String.join("\u0000", row.getString("org"), row.getString("channel"), row.getString("item"));
    }

    /** An item's views in a period, and what its latest publication called it (empty when it was never published). */
    public record ItemViews(String org, String channel, String item, String title, String url, long views) {
    }

    private static Map<LocalDate, Long> byMonth(List<GenericRecord> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.getLocalDate("month"), r -> r.getLong("n")));
    }

    /** Each org's totals for the period, by the same rules as {@link #figures} (a province compares its institutions). */
    public Map<String, PeriodFigures.Totals> totalsByOrg(Collection<String> orgs, ReportPeriod period) {
        Map<String, Object> params = params(orgs, period);
        var items = async("SELECT org, count() AS items, countIf(p.2) AS original_items, uniqExact(" + Notices.NOTICE + ") AS notices "
                + "FROM (" + PUBLICATIONS.perOrg(source) + ") GROUP BY org", params);
        var views = async("SELECT org, toInt64(sum(views)) AS views, toInt64(sum(readers)) AS readers FROM (%s) GROUP BY org"
                .formatted(VIEWS.perOrg(source)), params);
        Map<String, GenericRecord> viewsOf = join(views).stream().collect(Collectors.toMap(r -> r.getString("org"), r -> r));
        Map<String, GenericRecord> itemsOf = join(items).stream().collect(Collectors.toMap(r -> r.getString("org"), r -> r));
        Map<String, PeriodFigures.Totals> totals = new TreeMap<>();
        for (String org : orgs) {
            GenericRecord i = itemsOf.get(org);
            GenericRecord v = viewsOf.get(org);
            totals.put(org, new PeriodFigures.Totals(i == null ? 0 : i.getLong("items"), i == null ? 0 : i.getLong("original_items"),
                    v == null ? 0 : v.getLong("views"), v == null ? 0 : v.getLong("readers"), i == null ? 0 : i.getLong("notices")));
        }
        return totals;
    }

    /** Each org's checklist items disclosed at the period's end, by the same rules as {@link #figures} (a province compares its institutions' coverage). */
    public Map<String, Set<Integer>> disclosedByOrg(Collection<String> orgs, ReportPeriod period) {
        Map<String, Set<Integer>> disclosed = new TreeMap<>();
        orgs.forEach(org -> disclosed.put(org, Set.of()));
        clickHouse.queryAll("SELECT org, groupUniqArray(toUInt8(p.3)) AS items FROM (" + DISCLOSURES.perOrg(source) + ") WHERE p.3 > 0 GROUP BY org",
                params(orgs, period), null).forEach(r -> disclosed.put(r.getString("org"),
                Set.copyOf(r.getList("items").stream().map(n -> ((Number) n).intValue()).toList())));
        return disclosed;
    }

    /**
     * What the orgs have stored, per year, newest first: the years that have data, and the time of
     * the newest event (in UTC). A year with no row has no event stored.
     */
    public List<StoredYear> storedYears(Collection<String> orgs) {
        return clickHouse.queryAll("""
                        SELECT toYear(day) AS year, toInt64(sum(events)) AS events, max(newest) AS newest FROM org_days
                        WHERE org IN {orgs:Array(String)} GROUP BY year ORDER BY year DESC""",
                Map.of("orgs", orgs.stream().sorted().toList()), null).stream()
                .map(r -> new StoredYear(r.getInteger("year"), r.getLong("events"), r.getZonedDateTime("newest").toInstant())).toList();
    }

    /** One year's events stored, and the newest one's time. */
    public record StoredYear(int year, long events, Instant newest) {
    }

    /** Items published and views in one period. */
    public record Reach(ReportPeriod period, long items, long views) {
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

    public PeriodFigures figures(String org, ReportPeriod period) {
        return figures(List.of(org), period);
    }

    public PeriodFigures figures(Collection<String> orgs, ReportPeriod period) {
        Map<String, Object> params = params(orgs, period);
        // all at once: a report then takes about as long as its slowest query
        var publications = read(PUBLICATIONS, params);
        var views = read(VIEWS, params);
        var followers = read(FOLLOWERS, params);
        var issues = read(ISSUES, params);
        var casework = read(CASEWORK, params);
        var reported = read(REPORTED, params);
        var disclosed = read(DISCLOSURES, params);
        var reasons = read(DECLINED_REASONS, params);
        var notices = read(NOTICES, params);
        var departmentViews = read(DEPARTMENT_VIEWS, params);

        List<Publication> published = join(publications);
        Casework.Cases cases = join(casework);
        return new PeriodFigures(List.copyOf(orgs), period, channels(period, published, join(views), join(followers), join(issues)),
                checklist(published), departments(published, join(departmentViews)), cases.requests().withReasons(join(reasons)), cases.complaints(), cases.service(), join(reported),
                join(disclosed), join(notices));
    }

    /** Per checklist item: how many, the last date, the departments (sorted), how many per channel, in item order. */
    private static List<ChecklistFigures> checklist(List<Publication> published) {
        Map<Integer, List<Publication>> byItem = published.stream().filter(p -> p.category() > 0)
                .collect(Collectors.groupingBy(Publication::category, TreeMap::new, Collectors.toList()));
        return byItem.entrySet().stream().map(e -> new ChecklistFigures(e.getKey(),
                        e.getValue().stream().mapToLong(p -> p.count().items()).sum(),
                        e.getValue().stream().map(Publication::lastDay).max(Comparator.naturalOrder()).orElseThrow(),
                        e.getValue().stream().map(Publication::department).filter(d -> !d.isEmpty()).distinct().sorted().toList(),
                        e.getValue().stream().collect(Collectors.groupingBy(Publication::channel, TreeMap::new,
                                Collectors.summingLong(p -> p.count().items())))))
                .toList();
    }

    /** Per named department with items or views in the period, most items first, then most views. */
    private static List<DepartmentFigures> departments(List<Publication> published, Map<String, ChannelViews.Views> views) {
        Map<String, Count> byDepartment = published.stream().filter(p -> !p.department().isEmpty())
                .collect(Collectors.toMap(Publication::department, Publication::count, Count::plus, TreeMap::new));
        Set<String> names = new TreeSet<>(byDepartment.keySet());
        views.forEach((department, seen) -> {
            if (seen.views() > 0 || seen.readers() > 0) {
                names.add(department);
            }
        });
        return names.stream().map(d -> {
            Count count = byDepartment.getOrDefault(d, Count.NONE);
            ChannelViews.Views seen = views.getOrDefault(d, ChannelViews.Views.NONE);
            return new DepartmentFigures(d, count.items(), count.originalItems(), seen.views(), seen.readers());
        }).sorted(Comparator.comparingLong(DepartmentFigures::items).thenComparingLong(DepartmentFigures::views).reversed()).toList();
    }

    /** Every channel with any figure, in id order; a follower snapshot from before the period is stale. */
    private static List<ChannelFigures> channels(ReportPeriod period, List<Publication> published, Map<String, ChannelViews.Views> views,
                                                 Map<String, Followers.Snapshot> followers, Map<String, Issues.Released> issues) {
        Map<String, Count> items = published.stream().collect(Collectors.toMap(Publication::channel, Publication::count, Count::plus));
        Set<String> ids = new TreeSet<>(items.keySet());
        ids.addAll(views.keySet());
        ids.addAll(followers.keySet());
        ids.addAll(issues.keySet());
        return ids.stream().map(id -> {
            Count count = items.getOrDefault(id, Count.NONE);
            ChannelViews.Views seen = views.getOrDefault(id, ChannelViews.Views.NONE);
            Issues.Released released = issues.getOrDefault(id, Issues.Released.NONE);
            Followers.Snapshot snapshot = followers.get(id);
            return new ChannelFigures(id, count.items(), count.originalItems(), seen.views(), seen.readers(),
                    snapshot == null ? 0 : snapshot.followers(), released.issues(), released.lastIssueNumber(), released.pages(),
                    snapshot == null ? null : snapshot.day(), snapshot != null && snapshot.day().isBefore(period.from()));
        }).toList();
    }

    /** Orgs, days, and every event type by its enum name, for the measures' queries to name. */
    private static Map<String, Object> params(Collection<String> orgs, ReportPeriod period) {
        Map<String, Object> params = new HashMap<>();
        params.put("orgs", orgs.stream().sorted().toList());
        params.put("from", period.from().toString());
        params.put("to", period.to().toString());
        for (EventType type : EventType.values()) {
            params.put(type.name(), type.type());
        }
        return params;
    }

    private <T> CompletableFuture<T> read(Measure<T> measure, Map<String, Object> params) {
        return async(measure.sql(source), params).thenApply(measure::read);
    }

    private CompletableFuture<List<GenericRecord>> async(String sql, Map<String, Object> params) {
        return CompletableFuture.supplyAsync(() -> clickHouse.queryAll(sql, params, null), QUERIES);
    }

    private static <T> T join(CompletableFuture<T> query) {
        try {
            return query.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
