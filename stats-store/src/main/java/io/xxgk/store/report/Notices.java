package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import java.util.List;

/**
 * Notices among the items published in the period: items that share a notice id (one notice on
 * the website, WeChat and a department's site) count once; an item without one is its own notice.
 * Notice ids are an org's own, so each org's are counted, then added.
 */
final class Notices implements Measure<Long> {

    /** A publication's notice: its notice id, or for an item without one the item itself (n = (time, notice) of {@link Publications}). */
    static final String NOTICE = "if(n.2 = '', concat('item', char(10), channel, char(10), item), n.2)";

    private final Publications publications = new Publications();

    @Override
    public String fromRollups() {
        return publications.fromRollups();
    }

    @Override
    public String fromEvents() {
        return publications.fromEvents();
    }

    @Override
    public String total() {
        return "SELECT toInt64(sum(notices)) AS notices FROM (SELECT org, uniqExact(" + NOTICE + ") AS notices FROM (%s) GROUP BY org)";
    }

    @Override
    public Long read(List<GenericRecord> rows) {
        return rows.getFirst().getLong("notices");
    }
}
