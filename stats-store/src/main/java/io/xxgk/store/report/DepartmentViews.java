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

    /** Per org and department, from each item's days up to the end. */
    @Override
    public String fromRollups() {
        return """
                SELECT org, department, sum(views) AS views, sum(readers) AS readers FROM (%s) AS seen
                INNER JOIN (
                    SELECT org, channel, item, max(published).4 AS department FROM item_publications
                    WHERE org IN {orgs:Array(String)} AND day <= {to:Date}
                    GROUP BY org, channel, item HAVING toUnixTimestamp64Milli(max(published).1) > 0 AND department != '') AS named
                USING (org, channel, item)
                GROUP BY org, department""".formatted(ChannelViews.ITEMS_FROM_ROLLUPS);
    }

    @Override
    public String fromEvents() {
        return """
                SELECT org, department, sum(views) AS views, sum(readers) AS readers FROM (%s) AS seen
                INNER JOIN (
                    SELECT org, channel, item, max((time, toString(department))).2 AS department FROM events FINAL
                    WHERE org IN {orgs:Array(String)} AND type = {ITEM_PUBLISHED:String} AND day <= {to:Date}
                    GROUP BY org, channel, item HAVING department != '') AS named
                USING (org, channel, item)
                GROUP BY org, department""".formatted(ChannelViews.ITEMS_FROM_EVENTS);
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
