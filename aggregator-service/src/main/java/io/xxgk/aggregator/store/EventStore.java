package io.xxgk.aggregator.store;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.data.ClickHouseFormat;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Writes events to ClickHouse exactly once: drops copies within the batch and events already
 * stored (a primary-key lookup on (org, key)), then inserts the rest as one block, which
 * ClickHouse applies whole or not at all. Offsets are committed only after this returns, so a
 * crash re-delivers the batch and the lookup finds whatever was already written. Rows ClickHouse
 * refuses by their content are handed back, for the dead-letter topic.
 */
@Component
public class EventStore {

    private final Client clickHouse;
    /** The events table's columns, read once (the aggregator migrated it before starting). */
    private volatile TableSchema schema;

    EventStore(Client clickHouse) {
        this.clickHouse = clickHouse;
    }

    /**
     * ClickHouse's answers that a row itself cannot be stored (it would fail however often it is
     * retried): parse and conversion errors, values out of range, a violated constraint.
     */
    private static final Set<Integer> ROW_ERRORS = Set.of(6, 26, 27, 38, 41, 53, 69, 70, 72, 117, 131, 321, 469);

    /**
     * @param written  rows that were new and are now stored
     * @param rejected rows ClickHouse refused by their content, by key, with its reason
     */
    public record Stored(int written, Map<UUID, String> rejected) {
    }

    public Stored write(List<EventRow> rows) throws Exception {
        Map<String, Map<UUID, EventRow>> byOrg = new LinkedHashMap<>();
        for (EventRow row : rows) {
            byOrg.computeIfAbsent(row.org(), o -> new LinkedHashMap<>()).putIfAbsent(row.key(), row);
        }
        List<EventRow> fresh = new ArrayList<>();
        for (var org : byOrg.entrySet()) {
            Set<UUID> stored = stored(org.getKey(), org.getValue().keySet());
            org.getValue().values().stream().filter(r -> !stored.contains(r.key())).forEach(fresh::add);
        }
        Map<UUID, String> rejected = new LinkedHashMap<>();
        insert(fresh, rejected);
        return new Stored(fresh.size() - rejected.size(), rejected);
    }

    /**
     * One block, applied whole or not at all. Should ClickHouse refuse a row by its content, the
     * block is halved until the refused rows stand alone; the others are stored (a crash in
     * between is safe: redelivered rows already stored are found by the lookup). Any other
     * failure (server away, timeout) is thrown, and the batch is retried.
     */
    private void insert(List<EventRow> rows, Map<UUID, String> rejected) throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        try {
            insertBlock(rows);
        } catch (ExecutionException | ServerException e) {
            ServerException refusal = rowError(e).orElseThrow(() -> e);
            if (rows.size() == 1) {
                rejected.put(rows.getFirst().key(), "ClickHouse refused it: " + refusal.getMessage());
                return;
            }
            int half = rows.size() / 2;
            insert(rows.subList(0, half), rejected);
            insert(rows.subList(half, rows.size()), rejected);
        }
    }

    private static Optional<ServerException> rowError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerException server && ROW_ERRORS.contains(server.getCode())) {
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }

    /**
     * The keys go in the query's text, not as a parameter: parameters travel in the URL, which a
     * batch of thousands of keys overflows. They are {@link UUID} values, printed by
     * {@link UUID#toString()}, so nothing from outside reaches the SQL.
     */
    private Set<UUID> stored(String org, Set<UUID> keys) {
        String list = keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(","));
        Set<UUID> stored = new HashSet<>();
        clickHouse.queryAll("SELECT key FROM events WHERE org = {org:String} AND key IN (" + list + ")",
                Map.of("org", org), null).forEach(r -> stored.add(UUID.fromString(r.getString("key"))));
        return stored;
    }

    /** RowBinary: no text for ClickHouse to parse; ingested_at is left to its default (now). */
    private void insertBlock(List<EventRow> rows) throws Exception {
        TableSchema schema = schema();
        clickHouse.insert("events", out -> {
            RowBinaryFormatWriter row = new RowBinaryFormatWriter(out, schema, ClickHouseFormat.RowBinaryWithDefaults);
            for (EventRow r : rows) {
                row.setString("org", r.org());
                row.setValue("key", r.key());
                row.setString("source", r.source());
                row.setString("id", r.id());
                row.setString("type", r.type());
                row.setDateTime("time", r.time().atZoneSameInstant(ZoneOffset.UTC));
                row.setDate("day", r.day());
                row.setString("channel", r.channel());
                row.setString("item", r.item());
                row.setString("department", r.department());
                row.setValue("category", r.category());
                row.setBoolean("original", r.original());
                row.setString("title", r.title());
                row.setString("url", r.url());
                row.setLong("views", r.views());
                row.setLong("readers", r.readers());
                row.setLong("total_views", r.totalViews());
                row.setLong("total_readers", r.totalReaders());
                row.setLong("followers", r.followers());
                row.setLong("issue_number", r.issueNumber());
                row.setLong("pages", r.pages());
                row.setLong("items", r.items());
                row.setString("ref", r.ref());
                row.setString("kind", r.kind());
                row.setLong("count", r.count());
                row.commitRow();
            }
        }, ClickHouseFormat.RowBinaryWithDefaults, new InsertSettings()).get().close();
    }

    private TableSchema schema() {
        TableSchema known = schema;
        if (known == null) {
            known = clickHouse.getTableSchema("events");
            schema = known;
        }
        return known;
    }
}
