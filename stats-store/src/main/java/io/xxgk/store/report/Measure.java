package io.xxgk.store.report;

import com.clickhouse.client.api.query.GenericRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One kind of figure of a period: how it is counted per org from the rollups and, by the same
 * rules, from the stored events; how the orgs' rows are added up; and what the rows become.
 * Queries take the parameters {@code orgs}, {@code from}, {@code to} and each event type by its
 * enum name ({@code {ITEM_VIEWED:String}}), so no type is written out in SQL here.
 *
 * @param <T> the figures read
 */
sealed interface Measure<T> permits Publications, ChannelViews, Followers, Issues, Casework, Reported, Disclosures, DeclinedReasons, Notices, DepartmentViews {

    /** Per org, from the rollups. */
    String fromRollups();

    /** Per org, from {@code events FINAL}: the rules applied directly. */
    String fromEvents();

    /** The orgs' rows added up; {@code %s} is the per-org query. */
    String total();

    T read(List<GenericRecord> rows);

    default String perOrg(Source source) {
        return source == Source.ROLLUPS ? fromRollups() : fromEvents();
    }

    default String sql(Source source) {
        return total().formatted(perOrg(source));
    }

    /** Rows of one channel each, as a map by channel. */
    static <V> Map<String, V> byChannel(List<GenericRecord> rows, Function<GenericRecord, V> value) {
        return rows.stream().collect(Collectors.toMap(r -> r.getString("channel"), value));
    }
}
