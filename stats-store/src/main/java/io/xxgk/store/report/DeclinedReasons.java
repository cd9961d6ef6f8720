package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Requests declined in the period, per reason given ('' for none): distinct request ids. */
final class DeclinedReasons implements Measure<Map<String, Long>> {

    @Override
    public String fromRollups() {
        return """
                SELECT org, reason, uniqExactMerge(refs) AS n FROM declined_reasons
                WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
                GROUP BY org, reason""";
    }

    @Override
    public String fromEvents() {
        return """
                SELECT org, reason, uniqExact(ref) AS n FROM events FINAL
                WHERE org IN {orgs:Array(String)} AND type = {REQUEST_DECLINED:String} AND day BETWEEN {from:Date} AND {to:Date}
                GROUP BY org, reason""";
    }

    @Override
    public String total() {
        return "SELECT reason, sum(n) AS n FROM (%s) GROUP BY reason";
    }

    @Override
    public Map<String, Long> read(List<GenericRecord> rows) {
        Map<String, Long> byReason = new TreeMap<>();
        rows.forEach(r -> byReason.put(r.getString("reason"), r.getLong("n")));
        return byReason;
    }
}
