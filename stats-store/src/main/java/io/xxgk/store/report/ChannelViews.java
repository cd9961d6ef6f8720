package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import java.util.Map;
import java.util.List;

/**
 * Views and readers per channel: the deltas of items without running totals, and (last total at
 * the end − last total before the start) of items with them; a total that went down (the
 * platform reset it) adds nothing rather than subtracting.
 */
final class ChannelViews implements Measure<Map<String, ChannelViews.Views>> {

    record Views(long views, long readers) {
        static final Views NONE = new Views(0, 0);
    }

    /**
     * All deltas per channel, then, for the items with running totals, their totals instead of
     * their deltas (read from the channels that have such items: Weibo, Douyin, not the website's
     * many items).
     */
    @Override
    public String fromRollups() {
        return """
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
                GROUP BY org, channel""";
    }

    /**
     * Views per month of {@code from..to} (the months' first days in {@code months}) from the
     * rollups, each month by the rules of {@link #fromRollups()} over that month alone: the
     * deltas by month, and for each item with running totals its last total by each month's end
     * against its last before the month: (month, n); of one channel, or all when {@code channel} is ''.
     */
    static final String PER_MONTH = """
            SELECT month, sum(views) AS n FROM (
                SELECT toStartOfMonth(day) AS month, toInt64(sum(views)) AS views FROM channel_views_daily
                WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date} AND ({channel:String} IN ('', channel))
                GROUP BY month
                UNION ALL
                SELECT month, toInt64(greatest(end_views, start_views) - start_views) - toInt64(deltas) AS views
                FROM (
                    SELECT org, channel, item, month, sumIf(views, day >= month) AS deltas,
                           argMax(last_total.2, last_total.1) AS end_views,
                           argMaxIf(last_total.2, last_total.1, day < month) AS start_views
                    FROM item_daily ARRAY JOIN {months:Array(Date)} AS month
                    WHERE org IN {orgs:Array(String)} AND day <= toLastDayOfMonth(month) AND ({channel:String} IN ('', channel))
                      AND channel IN (
                          SELECT channel FROM stats_items
                          WHERE org IN {orgs:Array(String)} AND first_day <= {to:Date})
                    GROUP BY org, channel, item, month
                    HAVING sum(stats_events) > 0))
            GROUP BY month""";

    /** Each item's views and readers in the period, by the rules, from the rollups: (org, channel, item, views, readers). */
    static final String ITEMS_FROM_ROLLUPS = """
            SELECT org, channel, item,
                   toInt64(if(sum(stats_events) > 0, greatest(end_views, start_views) - start_views, sumIf(views, day >= {from:Date}))) AS views,
                   toInt64(if(sum(stats_events) > 0, greatest(end_readers, start_readers) - start_readers,
                              sumIf(readers, day >= {from:Date}))) AS readers,
                   argMax(last_total.2, last_total.1) AS end_views, argMax(last_total.3, last_total.1) AS end_readers,
                   argMaxIf(last_total.2, last_total.1, day < {from:Date}) AS start_views,
                   argMaxIf(last_total.3, last_total.1, day < {from:Date}) AS start_readers
            FROM item_daily
            WHERE org IN {orgs:Array(String)} AND day <= {to:Date}
            GROUP BY org, channel, item""";

    /** Each item's views and readers in the period, by the rules, from the stored events: (org, channel, item, views, readers). */
    static final String ITEMS_FROM_EVENTS = """
            SELECT org, channel, item,
                   toInt64(if(has_stats, greatest(end_total.2, start_total.2) - start_total.2, deltas)) AS views,
                   toInt64(if(has_stats, greatest(end_total.3, start_total.3) - start_total.3, delta_readers)) AS readers
            FROM (
                SELECT org, channel, item, countIf(type = {ITEM_STATS:String}) > 0 AS has_stats,
                       sumIf(views, type = {ITEM_VIEWED:String} AND day >= {from:Date}) AS deltas,
                       sumIf(readers, type = {ITEM_VIEWED:String} AND day >= {from:Date}) AS delta_readers,
                       maxIf((time, total_views, total_readers), type = {ITEM_STATS:String}) AS end_total,
                       maxIf((time, total_views, total_readers), type = {ITEM_STATS:String} AND day < {from:Date}) AS start_total
                FROM events FINAL
                WHERE org IN {orgs:Array(String)} AND day <= {to:Date} AND type IN ({ITEM_VIEWED:String}, {ITEM_STATS:String})
                GROUP BY org, channel, item)""";

    @Override
    public String fromEvents() {
        return "SELECT org, channel, sum(views) AS views, sum(readers) AS readers FROM (" + ITEMS_FROM_EVENTS + ") GROUP BY org, channel";
    }

    @Override
    public String total() {
        return "SELECT channel, sum(views) AS views, sum(readers) AS readers FROM (%s) GROUP BY channel";
    }

    @Override
    public Map<String, Views> read(List<GenericRecord> rows) {
        return Measure.byChannel(rows, r -> new Views(r.getLong("views"), r.getLong("readers")));
    }
}
