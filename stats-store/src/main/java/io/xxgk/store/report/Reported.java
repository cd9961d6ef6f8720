package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import io.xxgk.contract.EventType;
import java.util.List;

/**
 * Which kinds of figure anyone has reported by the period's end: an adapter or an import that
 * sends events of a kind makes that kind's zeros true (未收到依申请公开的申请); a kind nothing has
 * ever sent is "no data", which a report must not phrase as zero.
 */
final class Reported implements Measure<PeriodFigures.Reported> {

    /** A type of each rollup that holds rows at or before the end; each lookup stops at its first row. */
    @Override
    public String fromRollups() {
        return """
                SELECT {ITEM_PUBLISHED:String} AS type FROM (SELECT 1 FROM item_publications
                    WHERE org IN {orgs:Array(String)} AND day <= {to:Date} LIMIT 1)
                UNION ALL
                SELECT {ITEM_VIEWED:String} FROM (SELECT 1 FROM item_daily WHERE org IN {orgs:Array(String)} AND day <= {to:Date} LIMIT 1)
                UNION ALL
                SELECT {CHANNEL_FOLLOWERS:String} FROM (SELECT 1 FROM channel_followers
                    WHERE org IN {orgs:Array(String)} AND day <= {to:Date} LIMIT 1)
                UNION ALL
                SELECT {ISSUE_RELEASED:String} FROM (SELECT 1 FROM channel_issues
                    WHERE org IN {orgs:Array(String)} AND day <= {to:Date} LIMIT 1)
                UNION ALL
                SELECT DISTINCT toString(type) FROM casework_daily WHERE org IN {orgs:Array(String)} AND day <= {to:Date}""";
    }

    @Override
    public String fromEvents() {
        return """
                SELECT DISTINCT toString(type) AS type FROM events FINAL
                WHERE org IN {orgs:Array(String)} AND day <= {to:Date}""";
    }

    @Override
    public String total() {
        return "SELECT DISTINCT type FROM (%s)";
    }

    @Override
    public PeriodFigures.Reported read(List<GenericRecord> rows) {
        PeriodFigures.Reported reported = PeriodFigures.Reported.NOTHING;
        for (GenericRecord r : rows) {
            EventType type = EventType.of(r.getString("type")).orElseThrow(() -> new IllegalStateException("unknown type " + r.getString("type")));
            reported = switch (type) {
                case ITEM_PUBLISHED, ITEM_RETRACTED, ITEM_VIEWED, ITEM_STATS, CHANNEL_FOLLOWERS, ISSUE_RELEASED ->
                        new PeriodFigures.Reported(true, reported.requests(), reported.complaints(), reported.service());
                case REQUEST_RECEIVED, REQUEST_ANSWERED, REQUEST_DECLINED ->
                        new PeriodFigures.Reported(reported.proactive(), true, reported.complaints(), reported.service());
                case COMPLAINT_RECEIVED -> new PeriodFigures.Reported(reported.proactive(), reported.requests(), true, reported.service());
                case SERVICE_CONTACT -> new PeriodFigures.Reported(reported.proactive(), reported.requests(), reported.complaints(), true);
            };
        }
        return reported;
    }
}
