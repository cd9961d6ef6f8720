package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Views and readers per department (各部门总访问量): each item's views in the period, by the rules
 * of {@link ChannelViews}, go to the department its latest publication by the period's end names.
 */
final class DepartmentViews implements Measure<Map<String, ChannelViews.Views>> {

    /** Each item the period's end finds named by a department (its latest publication's): (org, channel, item, department). */
    static final String NAMED_FROM_ROLLUPS = """
            SELECT org, channel, item, max(published).4 AS department FROM item_publications
            WHERE org IN {orgs:Array(String)} AND day <= {to:Date}
            GROUP BY org, channel, item HAVING toUnixTimestamp64Milli(max(published).1) > 0 AND department != ''""";

    /** {@link #NAMED_FROM_ROLLUPS} from the stored events. */
    static final String NAMED_FROM_EVENTS = """
            SELECT org, channel, item, max((time, toString(department))).2 AS department FROM events FINAL
            WHERE org IN {orgs:Array(String)} AND type = {ITEM_PUBLISHED:String} AND day <= {to:Date}
            GROUP BY org, channel, item HAVING department != ''""";

    /**
     * One department's views per month of {@code from..to} (the months' first days in
     * {@code months}), each month by the rules of {@link #fromRollups()} over that month alone:
     * each item's views in the month, of the items its latest publication by the month's end
     * names the department by: (month, n).
     */
    static final String PER_MONTH = """
            SELECT month, toInt64(sum(views)) AS n FROM (
                SELECT org, channel, item, month,
                       toInt64(if(sum(stats_events) > 0, greatest(end_views, start_views) - start_views, sumIf(views, day >= month))) AS views,
                       argMax(last_total.2, last_total.1) AS end_views, argMaxIf(last_total.2, last_total.1, day < month) AS start_views
                FROM item_daily ARRAY JOIN {months:Array(Date)} AS month
                WHERE org IN {orgs:Array(String)} AND day <= toLastDayOfMonth(month)
                  -- the items the department ever named by the end: the months' items are among them
                  AND (org, channel, item) IN (
                      SELECT org, channel, item FROM item_publications
                      WHERE org IN {orgs:Array(String)} AND day <= {to:Date} AND published.4 = {department:String})
                GROUP BY org, channel, item, month) AS seen
            INNER JOIN (
                SELECT org, channel, item, month FROM item_publications ARRAY JOIN {months:Array(Date)} AS month
                WHERE org IN {orgs:Array(String)} AND day <= toLastDayOfMonth(month)
                GROUP BY org, channel, item, month
                HAVING toUnixTimestamp64Milli(max(published).1) > 0 AND max(published).4 = {department:String}) AS named
            USING (org, channel, item, month)
            GROUP BY month""";

    /** Per org and department, from each item's days up to the end. */
    @Override
    public String fromRollups() {
        return """
                SELECT org, department, sum(views) AS views, sum(readers) AS readers FROM (%s) AS seen
                INNER JOIN (%s) AS named USING (org, channel, item)
                GROUP BY org, department""".formatted(ChannelViews.ITEMS_FROM_ROLLUPS, NAMED_FROM_ROLLUPS);
    }

    @Override
    public String fromEvents() {
        return """
                SELECT org, department, sum(views) AS views, sum(readers) AS readers FROM (%s) AS seen
                INNER JOIN (%s) AS named USING (org, channel, item)
                GROUP BY org, department""".formatted(ChannelViews.ITEMS_FROM_EVENTS, NAMED_FROM_EVENTS);
    }

    @Override
    public String total() {
        return "SELECT department, toInt64(sum(views)) AS views, toInt64(sum(readers)) AS readers FROM (%s) GROUP BY department";
    }

    @Override
    public Map<String, ChannelViews.Views> read(List<GenericRecord> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.getString("department"),
                r -> new ChannelViews.Views(r.getLong("views"), r.getLong("readers"))));
    }
}
