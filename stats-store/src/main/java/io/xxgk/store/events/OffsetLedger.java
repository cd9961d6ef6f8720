package io.xxgk.store.events;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.client.api.query.QuerySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        List<Range> ranges = new ArrayList<>();
        clickHouse.queryAll("SELECT start, any(end) AS range_end, max(state = 'stored') AS stored FROM " + table
                        + " WHERE topic = {topic:String} AND partition = {partition:UInt32} AND end >= {from:UInt64} AND start <= {to:UInt64}"
                        + " GROUP BY start ORDER BY start",
                Map.of("topic", topic, "partition", partition, "from", from, "to", to), null)
                .forEach(r -> ranges.add(new Range(r.getLong("start"), r.getLong("range_end"), r.getBoolean("stored"))));
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

    /** Marks the range stored: its block is in events and in every rollup. */
    public void stored(String topic, int partition, Range range, String claimant) throws Exception {
        record(topic, partition, range.start(), range.end(), "stored", claimant, range.token(topic, partition) + "/stored");
    }

    private void record(String topic, int partition, long start, long end, String state, String claimant, String token) throws Exception {
        QuerySettings settings = new QuerySettings().serverSetting("insert_deduplicate", "1").serverSetting("insert_deduplication_token", token);
        clickHouse.query("INSERT INTO " + table + " (topic, partition, start, end, state, claimant)"
                        + " SELECT {topic:String}, {partition:UInt32}, {start:UInt64}, {end:UInt64}, {state:String}, {claimant:String}",
                Map.of("topic", topic, "partition", partition, "start", start, "end", end, "state", state, "claimant", claimant),
                settings).get().close();
    }
}
