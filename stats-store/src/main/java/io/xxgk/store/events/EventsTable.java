package io.xxgk.store.events;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.data_formats.ClickHouseBinaryFormatReader;
import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import io.xxgk.contract.EventType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code events} table, the truth every rollup is fed from: one row per distinct event,
 * keyed by (org, key). The one place that spells its columns, for writing rows and for reading
 * them back (audits and tests); what the reports read is {@link io.xxgk.store.report.StatsQueries}.
 */
public final class EventsTable {

    /**
     * ClickHouse's answers that a row itself cannot be stored: it would fail however often it is
     * retried (parse and conversion errors, values out of range, a violated constraint).
     */
    enum RowError {
        CANNOT_PARSE_TEXT(6), CANNOT_PARSE_QUOTED_STRING(26), CANNOT_PARSE_INPUT_ASSERTION_FAILED(27), CANNOT_PARSE_DATE(38),
        CANNOT_PARSE_DATETIME(41), TYPE_MISMATCH(53), ARGUMENT_OUT_OF_BOUND(69), CANNOT_CONVERT_TYPE(70), CANNOT_PARSE_NUMBER(72),
        INCORRECT_DATA(117), TOO_LARGE_STRING_SIZE(131), VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE(321), VIOLATED_CONSTRAINT(469);

        private static final Set<Integer> CODES = Arrays.stream(values()).map(e -> e.code).collect(Collectors.toUnmodifiableSet());

        private final int code;

        RowError(int code) {
            this.code = code;
        }
    }

    private final Client clickHouse;
    private final String database;
    private final String table;
    /** The columns, read once: the schema is migrated before anything is stored. */
    private volatile TableSchema schema;

    /** @param database the database the migrations made */
    public EventsTable(Client clickHouse, String database) {
        this.clickHouse = clickHouse;
        this.database = database;
        this.table = "`" + database + "`.events";
    }

    /**
     * Stores the rows as one block in RowBinary (no text for it to parse); {@code ingested_at} is
     * left to its default (now). Nothing is checked for copies: what is inserted is stored, and
     * what the rollups' views make of it (fixtures; a test of a copy stored by accident).
     */
    public void insert(Collection<StoredEvent> rows) throws Exception {
        insert(rows, "", new InsertSettings().serverSetting("insert_deduplicate", "0"));
    }

    /**
     * Stores the rows as one block that counts once however often it is stored: ClickHouse keeps
     * the first block of a token, in events and in each rollup on its own. A block whose insert
     * failed (ClickHouse away, or stopped after writing events but before some rollup) is stored
     * again with the same token and the same rows: what was written is skipped, what was not is
     * written. Each row keeps the token ({@code block}), so that the rows of a block stored again
     * are told from rows other blocks stored ({@link #storedKeys(String, Collection, String)}).
     */
    public void insertOnce(List<StoredEvent> rows, String token) throws Exception {
        insert(rows, token, new InsertSettings().setDeduplicationToken(token).serverSetting("insert_deduplicate", "1")
                .serverSetting("deduplicate_blocks_in_dependent_materialized_views", "1"));
    }

    private void insert(Collection<StoredEvent> rows, String block, InsertSettings settings) throws Exception {
        TableSchema columns = schema();
        clickHouse.insert(table, out -> {
            RowBinaryFormatWriter row = new RowBinaryFormatWriter(out, columns, ClickHouseFormat.RowBinaryWithDefaults);
            for (StoredEvent e : rows) {
                row.setString("org", e.org());
                row.setValue("key", e.key());
                row.setString("source", e.source());
                row.setString("id", e.id());
                row.setString("type", e.type().type());
                row.setDateTime("time", e.time().atZoneSameInstant(ZoneOffset.UTC));
                row.setDate("day", e.day());
                row.setString("channel", e.channel());
                row.setString("item", e.item());
                row.setString("department", e.department());
                row.setValue("category", e.category());
                row.setBoolean("original", e.original());
                row.setString("title", e.title());
                row.setString("url", e.url());
                row.setLong("views", e.views());
                row.setLong("readers", e.readers());
                row.setLong("total_views", e.totalViews());
                row.setLong("total_readers", e.totalReaders());
                row.setLong("followers", e.followers());
                row.setLong("issue_number", e.issueNumber());
                row.setLong("pages", e.pages());
                row.setLong("items", e.items());
                row.setString("ref", e.ref());
                row.setString("kind", e.kind());
                row.setLong("count", e.count());
                row.setString("reason", e.reason());
                row.setString("notice", e.notice());
                row.setString("block", block);
                row.commitRow();
            }
        }, ClickHouseFormat.RowBinaryWithDefaults, settings).get().close();
    }

    /**
     * The refusal, when ClickHouse refused an insert for a row's content rather than for being
     * away or slow: the rows that caused it would be refused again.
     */
    public static Optional<ServerException> refusedRow(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServerException server && RowError.CODES.contains(server.getCode())) {
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }

    /**
     * What a dedup lookup found: the keys stored by other blocks, and the rows ClickHouse read to
     * tell (the lookup's cost, which grows with the table unless the lookup stays narrow).
     */
    public record Lookup(Set<UUID> stored, long rowsRead) {
    }

    /**
     * Which of {@code keys} the org has stored in blocks other than {@code block} (a block stored
     * again finds its own rows), from {@code event_keys}: a key stored costs one 32-row granule,
     * a new one the bloom filter's false positives (docs/counting.md). The keys go in the query's
     * text, not as a parameter: parameters travel in the URL, which a batch of thousands of keys
     * overflows. They are {@link UUID} values, printed by {@link UUID#toString()}, so nothing
     * from outside reaches the SQL.
     */
    public Lookup storedKeys(String org, Collection<UUID> keys, String block) throws Exception {
        String list = keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(","));
        Set<UUID> stored = new HashSet<>();
        // the whole answer before the headers, so that their summary counts every row read
        QuerySettings settings = new QuerySettings().serverSetting("http_wait_end_of_query", "1");
        try (QueryResponse response = clickHouse.query("SELECT key FROM `" + database + "`.event_keys WHERE org = {org:String} AND key IN ("
                + list + ") AND block != {block:String}", Map.of("org", org, "block", block), settings).get()) {
            ClickHouseBinaryFormatReader reader = clickHouse.newBinaryFormatReader(response);
            while (reader.hasNext()) {
                reader.next();
                stored.add(reader.getUUID("key"));
            }
            return new Lookup(stored, response.getReadRows());
        }
    }

    /** Every row stored of one source of an org, copies not yet merged away included, in id order. */
    public List<StoredEvent> rows(String org, String source) {
        return clickHouse.queryAll("SELECT * FROM " + table + " WHERE org = {org:String} AND source = {source:String} ORDER BY id",
                Map.of("org", org, "source", source), null).stream().map(EventsTable::event).toList();
    }

    /** How many distinct events of one source of an org are stored. */
    public long distinctEvents(String org, String source) {
        return clickHouse.queryAll("SELECT uniqExact(key) AS n FROM " + table + " WHERE org = {org:String} AND source = {source:String}",
                Map.of("org", org, "source", source), null).getFirst().getLong("n");
    }

    /** Rows stored in all, copies not yet merged away included; 0 before the table exists. */
    public long rowCount() {
        boolean exists = clickHouse.queryAll("SELECT count() AS n FROM system.tables WHERE database = {db:String} AND name = 'events'",
                Map.of("db", database), null).getFirst().getLong("n") > 0;
        return exists ? clickHouse.queryAll("SELECT count() AS n FROM " + table).getFirst().getLong("n") : 0;
    }

    /** When each event of the org whose id starts with {@code idPrefix} began to be stored ({@code ingested_at}), by id. */
    public Map<String, Instant> storedAt(String org, String idPrefix) {
        Map<String, Instant> at = new HashMap<>();
        clickHouse.queryAll("SELECT id, ingested_at FROM " + table + " WHERE org = {org:String} AND startsWith(id, {prefix:String})",
                Map.of("org", org, "prefix", idPrefix), null).forEach(r -> at.put(r.getString("id"), r.getInstant("ingested_at")));
        return at;
    }

    private static StoredEvent event(GenericRecord r) {
        return new StoredEvent(r.getString("org"), UUID.fromString(r.getString("key")), r.getString("source"), r.getString("id"),
                EventType.of(r.getString("type")).orElseThrow(), OffsetDateTime.ofInstant(r.getInstant("time"), ZoneOffset.UTC),
                r.getLocalDate("day"), r.getString("channel"), r.getString("item"), r.getString("department"), r.getInteger("category"),
                r.getBoolean("original"), r.getString("title"), r.getString("url"), r.getLong("views"), r.getLong("readers"),
                r.getLong("total_views"), r.getLong("total_readers"), r.getLong("followers"), r.getLong("issue_number"),
                r.getInteger("pages"), r.getInteger("items"), r.getString("ref"), r.getString("kind"), r.getLong("count"),
                r.getString("reason"), r.getString("notice"));
    }

    private TableSchema schema() {
        TableSchema known = schema;
        if (known == null) {
            known = clickHouse.getTableSchema("events", database);
            schema = known;
        }
        return known;
    }
}
