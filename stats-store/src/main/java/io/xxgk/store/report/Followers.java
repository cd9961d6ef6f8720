package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import java.util.List;
import java.util.Map;

/** Followers per channel: a snapshot, the last one at or before the period's end (summed over orgs). */
final class Followers implements Measure<Map<String, Long>> {

    /** Per (org, channel): last = the last (time, followers) at or before the end. */
    @Override
    public String fromRollups() {
        return """
                SELECT org, channel, max(followers) AS last FROM channel_followers
                WHERE org IN {orgs:Array(String)} AND day <= {to:Date}
                GROUP BY org, channel""";
    }

    @Override
    public String fromEvents() {
        return """
                SELECT org, channel, max((time, followers)) AS last FROM events FINAL
                WHERE org IN {orgs:Array(String)} AND type = {CHANNEL_FOLLOWERS:String} AND day <= {to:Date}
                GROUP BY org, channel""";
    }

    @Override
    public String total() {
        return "SELECT channel, sum(last.2) AS followers FROM (%s) GROUP BY channel";
    }

    @Override
    public Map<String, Long> read(List<GenericRecord> rows) {
        return Measure.byChannel(rows, r -> r.getLong("followers"));
    }
}
