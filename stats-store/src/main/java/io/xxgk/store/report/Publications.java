package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * Items published in the period and not also retracted in it, each once with its latest
 * publication in the period, counted per channel, department and checklist item at once.
 */
final class Publications implements Measure<List<Publications.Publication>> {

    /** Items of one channel, department and checklist item (0: none). */
    record Publication(String channel, String department, int category, Count count, LocalDate lastDay) {
    }

    /** Items, and how many of them are original: what channels and departments add up. */
    record Count(long items, long originalItems) {
        static final Count NONE = new Count(0, 0);

        Count plus(Count other) {
            return new Count(items + other.items, originalItems + other.originalItems);
        }
    }

    /** Per org: (org, channel, item, p = (time, original, category, department), last_day, n = (time, notice)). */
    @Override
    public String fromRollups() {
        return """
                SELECT org, channel, item, max(published) AS p, maxIf(day, toUnixTimestamp64Milli(published.1) > 0) AS last_day,
                       max(notice) AS n
                FROM item_publications
                WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
                GROUP BY org, channel, item
                HAVING toUnixTimestamp64Milli(p.1) > 0 AND NOT max(retracted)""";
    }

    /**
     * Items per month of {@code from..to} from the rollups, each month by the rules of
     * {@link #fromRollups()} over that month alone: (month, n); of one channel, or all when {@code channel} is '',
     * of the items one department published (by the month's latest publication), or all when {@code department} is ''.
     */
    static final String PER_MONTH = """
            SELECT month, count() AS n FROM (
                SELECT org, channel, item, toStartOfMonth(day) AS month, max(published) AS p
                FROM item_publications
                WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date} AND ({channel:String} IN ('', channel))
                GROUP BY org, channel, item, month
                HAVING toUnixTimestamp64Milli(p.1) > 0 AND NOT max(retracted) AND {department:String} IN ('', p.4))
            GROUP BY month""";

    @Override
    public String fromEvents() {
        return """
                SELECT org, channel, item, max((time, original, category, toString(department))) AS p, max(day) AS last_day,
                       max((time, notice)) AS n
                FROM events FINAL
                WHERE org IN {orgs:Array(String)} AND type = {ITEM_PUBLISHED:String} AND day BETWEEN {from:Date} AND {to:Date}
                  AND (org, channel, item) NOT IN (
                      SELECT org, channel, item FROM events FINAL
                      WHERE org IN {orgs:Array(String)} AND type = {ITEM_RETRACTED:String} AND day BETWEEN {from:Date} AND {to:Date})
                GROUP BY org, channel, item""";
    }

    @Override
    public String total() {
        return """
                SELECT channel, p.4 AS department, p.3 AS category, count() AS items, countIf(p.2) AS original_items, max(last_day) AS last_day
                FROM (%s) GROUP BY channel, department, category""";
    }

    @Override
    public List<Publication> read(List<GenericRecord> rows) {
        return rows.stream().map(r -> new Publication(r.getString("channel"), r.getString("department"), r.getInteger("category"),
                new Count(r.getLong("items"), r.getLong("original_items")), LocalDate.parse(r.getString("last_day")))).toList();
    }
}
