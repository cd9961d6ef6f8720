package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import java.util.List;
import java.util.Map;

/** Issues (期) per channel: one per issue number released in the period, its latest release's pages, the highest number. */
final class Issues implements Measure<Map<String, Issues.Released>> {

    record Released(long issues, long lastIssueNumber, long pages) {
        static final Released NONE = new Released(0, 0, 0);
    }

    /** Per (org, channel, issue_number) released in the period: latest = (time, pages). */
    @Override
    public String fromRollups() {
        return """
                SELECT org, channel, issue_number, max(released) AS latest FROM channel_issues
                WHERE org IN {orgs:Array(String)} AND day BETWEEN {from:Date} AND {to:Date}
                GROUP BY org, channel, issue_number""";
    }

    @Override
    public String fromEvents() {
        return """
                SELECT org, channel, issue_number, max((time, pages)) AS latest FROM events FINAL
                WHERE org IN {orgs:Array(String)} AND type = {ISSUE_RELEASED:String} AND day BETWEEN {from:Date} AND {to:Date}
                GROUP BY org, channel, issue_number""";
    }

    @Override
    public String total() {
        return "SELECT channel, count() AS issues, sum(latest.2) AS pages, max(issue_number) AS last_issue FROM (%s) GROUP BY channel";
    }

    @Override
    public Map<String, Released> read(List<GenericRecord> rows) {
        return Measure.byChannel(rows, r -> new Released(r.getLong("issues"), r.getLong("last_issue"), r.getLong("pages")));
    }
}
