package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import java.util.List;

/**
 * The checklist items disclosed at the period's end: an item published at or before it, in a
 * checklist category, and not withdrawn since (a 学校章程 published years ago and still online
 * counts). A retraction on the day of the last publication withdraws it.
 */
final class Disclosures implements Measure<List<Integer>> {

    /** Per org and item: its latest publication (p), the day of it, and of its latest retraction. */
    @Override
    public String fromRollups() {
        return """
                SELECT org, channel, item, max(published) AS p,
                       maxIf(day, toUnixTimestamp64Milli(published.1) > 0) AS published_day, maxIf(day, retracted) AS retracted_day
                FROM item_publications
                WHERE org IN {orgs:Array(String)} AND day <= {to:Date}
                GROUP BY org, channel, item
                HAVING toUnixTimestamp64Milli(p.1) > 0 AND retracted_day < published_day""";
    }

    @Override
    public String fromEvents() {
        return """
                SELECT org, channel, item,
                       max(if(type = {ITEM_PUBLISHED:String}, (time, original, category, toString(department)),
                              (toDateTime64(0, 3, 'UTC'), false, toUInt8(0), ''))) AS p,
                       maxIf(day, type = {ITEM_PUBLISHED:String}) AS published_day, maxIf(day, type = {ITEM_RETRACTED:String}) AS retracted_day
                FROM events FINAL
                WHERE org IN {orgs:Array(String)} AND day <= {to:Date} AND type IN ({ITEM_PUBLISHED:String}, {ITEM_RETRACTED:String})
                GROUP BY org, channel, item
                HAVING toUnixTimestamp64Milli(p.1) > 0 AND retracted_day < published_day""";
    }

    @Override
    public String total() {
        return "SELECT DISTINCT toUInt8(p.3) AS category FROM (%s) WHERE p.3 > 0 ORDER BY category";
    }

    @Override
    public List<Integer> read(List<GenericRecord> rows) {
        return rows.stream().map(r -> r.getInteger("category")).toList();
    }
}
