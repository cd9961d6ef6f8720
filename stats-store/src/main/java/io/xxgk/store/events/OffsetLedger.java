package io.xxgk.store.events;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.client.api.query.QuerySettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The ledger of the events topic's offset ranges that aggregators have claimed and stored
 * ({@code offset_ledger}): what keeps two aggregators from storing the same records twice (a
 * zombie that wakes after its partition moved, a rebalance in the middle of a batch). A claim is
 * an insert deduplicated by the range's start: of two aggregators claiming records from the same
 * offset, ClickHouse keeps the first claim, and the second reads back that it is not its own.
 */
public final class OffsetLedger {

    private final Client clickHouse;
    private final String table;

    public OffsetLedger(Client clickHouse, String database) {
        this.clickHouse = clickHouse;
        this.table = "`" + database + "`.offset_ledger";
    }

    /**
     * A claimed range of one partition's offsets, both ends included.
     *
     * @param stored whether its block was stored to the end (events and every rollup)
     */
    public record Range(long start, long end, boolean stored) {

        /** The insert deduplication token of the block that stores the range's records. */
        public String token(String topic, int partition) {
            return topic + "/" + partition + "/" + start + "-" + end;
        }
    }

    /** The claimed ranges that overlap {@code from..to}, by start. */
    public List<Range> overlapping(String topic, int partition, long from, long to) {
        return overlapping(topic, List.of(new Span(partition, from, to))).getOrDefault(partition, List.of());
    }

    /** A stretch of one partition's offsets, both ends included: the records a batch holds of it. */
    public record Span(int partition, long from, long to) {
    }

    /** The claimed ranges that overlap each span, by partition and start: one question for a whole batch. */
    public Map<Integer, List<Range>> overlapping(String topic, List<Span> spans) {
        Map<String, Object> params = new HashMap<>(Map.of("topic", topic));
        StringJoiner overlaps = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            overlaps.add("(partition = {p" + i + ":UInt32} AND end >= {from" + i + ":UInt64} AND start <= {to" + i + ":UInt64})");
            params.putAll(Map.of("p" + i, span.partition(), "from" + i, span.from(), "to" + i, span.to()));
        }
        Map<Integer, List<Range>> ranges = new HashMap<>();
        clickHouse.queryAll("SELECT partition, start, any(end) AS range_end, max(state = 'stored') AS stored FROM " + table
                        + " WHERE topic = {topic:String} AND " + overlaps + " GROUP BY partition, start ORDER BY partition, start", params, null)
                .forEach(r -> ranges.computeIfAbsent((int) r.getLong("partition"), p -> new ArrayList<>())
                        .add(new Range(r.getLong("start"), r.getLong("range_end"), r.getBoolean("stored"))));
        return ranges;
    }

    /**
     * Claims {@code start..end}: true when this claim is the one kept, false when another claimed
     * records from {@code start} first. ClickHouse answers a deduplicated insert as it answers any
     * (its summary counts the rows either way), so the claim is read back: each attempt signs it
     * with an id of its own.
     */
    public boolean claim(String topic, int partition, long start, long end, String claimant) throws Exception {
        String attempt = claimant + " " + UUID.randomUUID();
        record(topic, partition, start, end, "claimed", attempt, topic + "/" + partition + "/" + start);
        List<GenericRecord> kept = clickHouse.queryAll("SELECT claimant FROM " + table + " WHERE topic = {topic:String}"
                        + " AND partition = {partition:UInt32} AND start = {start:UInt64} AND state = 'claimed' LIMIT 1",
                Map.of("topic", topic, "partition", partition, "start", start), null);
        return !kept.isEmpty() && kept.getFirst().getString("claimant").equals(attempt);
    }

    /** A partition's range. */
    public record PartitionRange(int partition, Range range) {
    }

    /** Marks the ranges stored, in one insert: their blocks are in events and in every rollup. */
    public void stored(String topic, List<PartitionRange> ranges, String claimant) throws Exception {
        if (ranges.isEmpty()) {
            return;
        }
        String token = ranges.stream().map(r -> r.range().token(topic, r.partition())).collect(Collectors.joining(",", "", "/stored"));
        QuerySettings settings = new QuerySettings().serverSetting("insert_deduplicate", "1").serverSetting("insert_deduplication_token", token);
        clickHouse.query("INSERT INTO " + table + " (topic, partition, start, end, state, claimant)"
                        + " SELECT {topic:String}, p, s, e, 'stored', {claimant:String} FROM system.one"
                        + " ARRAY JOIN {partitions:Array(UInt32)} AS p, {starts:Array(UInt64)} AS s, {ends:Array(UInt64)} AS e",
                Map.of("topic", topic, "claimant", claimant, "partitions", ranges.stream().map(PartitionRange::partition).toList(),
                        "starts", ranges.stream().map(r -> r.range().start()).toList(), "ends", ranges.stream().map(r -> r.range().end()).toList()),
                settings).get().close();
    }

    private void record(String topic, int partition, long start, long end, String state, String claimant, String token) throws Exception {
        QuerySettings settings = new QuerySettings().serverSetting("insert_deduplicate", "1").serverSetting("insert_deduplication_token", token);
        clickHouse.query("INSERT INTO " + table + " (topic, partition, start, end, state, claimant)"
                        + " SELECT {topic:String}, {partition:UInt32}, {start:UInt64}, {end:UInt64}, {state:String}, {claimant:String}",
                Map.of("topic", topic, "partition", partition, "start", start, "end", end, "state", state, "claimant", claimant),
                settings).get().close();
    }
}
