package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Followers per channel: a snapshot, the last one at or before the period's end (summed over
 * orgs), with the day it was taken (the earliest of the orgs' days).
 */
final class Followers implements Measure<Map<String, Followers.Snapshot>> {

    record Snapshot(long followers, LocalDate day) {
    }

    /** Per (org, channel): last = the last (time, followers) at or before the end, last_day its local day. */
    @Override
    public String fromRollups() {
        return """
                SELECT org, channel, max(followers) AS last, argMax(day, followers) AS last_day FROM channel_followers
                WHERE org IN {orgs:Array(String)} AND day <= {to:Date}
                GROUP BY org, channel""";
    }

    @Override
    public String fromEvents() {
        return """
                SELECT org, channel, max((time, followers)) AS last, argMax(day, (time, followers)) AS last_day FROM events FINAL
                WHERE org IN {orgs:Array(String)} AND type = {CHANNEL_FOLLOWERS:String} AND day <= {to:Date}
                GROUP BY org, channel""";
    }

    @Override
    public String total() {
        return "SELECT channel, sum(last.2) AS followers, min(last_day) AS day FROM (%s) GROUP BY channel";
    }

    @Override
    public Map<String, Snapshot> read(List<GenericRecord> rows) {
        return Measure.byChannel(rows, r -> new Snapshot(r.getLong("followers"), r.getLocalDate("day")));
    }
}
