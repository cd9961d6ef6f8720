package io.xxgk.aggregator.store;

import com.clickhouse.client.api.ServerException;
import io.xxgk.store.events.EventsTable;
import io.xxgk.store.events.OffsetLedger;
import io.xxgk.store.events.StoredEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes events to ClickHouse exactly once, with any number of aggregators. Each partition's
 * records are stored by offset range: a batch is split at the ranges the ledger
 * ({@link OffsetLedger}) holds, a range no one holds is claimed first, and a range's block is
 * inserted under the range's token ({@link EventsTable#insertOnce}), so that a zombie, or two
 * consumers in a rebalance, storing the same records make the same block and ClickHouse keeps
 * one, in events and in every rollup. Within a range, copies and events already stored by
 * another block (an adapter's re-send) are dropped by a primary-key lookup. A block whose insert
 * failed is made again of the same rows (the lookup does not count the block's own rows) and
 * stored again whole: the rollups that missed it get it. Rows ClickHouse refuses by their content
 * are handed back, for the dead-letter topic. Offsets are committed only after this returns.
 */
@Component
public class EventStore {

    /** What storing a batch asks of ClickHouse, each timed on its own: where a batch's time goes. */
    private enum Step {
        LEDGER_LOOKUP, LEDGER_CLAIM, DEDUP_LOOKUP, INSERT, LEDGER_STORED
    }

    private final EventsTable events;
    private final OffsetLedger ledger;
    private final String claimant;
    private final Map<Step, Timer> timers = new EnumMap<>(Step.class);

    @Autowired
    EventStore(EventsTable events, OffsetLedger ledger, MeterRegistry registry) {
        this(events, ledger, ManagementFactory.getRuntimeMXBean().getName(), registry);
    }

    /** @param claimant what the ledger says of this instance (host and pid), for the operator */
    public EventStore(EventsTable events, OffsetLedger ledger, String claimant, MeterRegistry registry) {
        this.events = events;
        this.ledger = ledger;
        this.claimant = claimant;
        for (Step step : Step.values()) {
            timers.put(step, Timer.builder("xxgk.aggregator.clickhouse").tag("step", step.name().toLowerCase(Locale.ROOT))
                    .description("ClickHouse's answer to one step of storing a batch (the ledger, the dedup lookup, the insert)")
                    .register(registry));
        }
    }

    /**
     * A consumed record.
     *
     * @param row the event, or null for a record that was dead-lettered unread (its offset is the range's all the same)
     */
    public record Consumed(String topic, int partition, long offset, StoredEvent row) {
    }

    /**
     * @param written     rows that were new and are now stored
     * @param rejected    rows ClickHouse refused by their content, by key, with its reason
     * @param lookupRows  rows ClickHouse read to tell new events from stored ones (the dedup lookup's cost)
     */
    public record Stored(int written, Map<UUID, String> rejected, long lookupRows) {
    }

    /**
     * Another aggregator claimed records of this batch with more than the batch holds, and has not
     * stored them: the batch is consumed again (the records it stored count once) until it holds
     * the whole range or the range is stored.
     */
    public static final class ClaimedElsewhere extends IllegalStateException {
        ClaimedElsewhere(String topic, int partition, OffsetLedger.Range range, long first, long last) {
            super("offsets " + range.start() + "-" + range.end() + " of " + topic + "-" + partition + " are claimed by another aggregator"
                    + " and not yet stored; this batch holds " + first + "-" + last);
        }
    }

    public Stored write(List<Consumed> records) throws Exception {
        Map<String, List<Consumed>> byPartition = new LinkedHashMap<>();
        for (Consumed record : records) {
            byPartition.computeIfAbsent(record.topic() + "\u0000" + record.partition(), p -> new ArrayList<>()).add(record);
        }
        Tally tally = new Tally();
        for (List<Consumed> partition : byPartition.values()) {
            write(partition.getFirst().topic(), partition.getFirst().partition(), partition, tally);
        }
        return new Stored(tally.written, tally.rejected, tally.lookupRows);
    }

    /** What a batch's ranges added up to. */
    private static final class Tally {
        int written;
        final Map<UUID, String> rejected = new LinkedHashMap<>();
        long lookupRows;
    }

    /** One partition's records, in offset order. */
    private void write(String topic, int partition, List<Consumed> records, Tally tally) throws Exception {
        long first = records.getFirst().offset();
        long last = records.getLast().offset();
        long next = first;
        while (next <= last) {
            OffsetLedger.Range range = nextRange(topic, partition, next, first, last);
            if (!range.stored()) {
                long from = range.start();
                long to = range.end();
                store(topic, partition, range, records.stream().filter(r -> r.offset() >= from && r.offset() <= to).toList(), tally);
            }
            next = range.end() + 1;
        }
    }

    /**
     * The range that holds offset {@code next}: one the ledger has (claimed, or stored already),
     * or, up to the next claimed one or the batch's end, one claimed now.
     */
    private OffsetLedger.Range nextRange(String topic, int partition, long next, long first, long last) throws Exception {
        while (true) {
            List<OffsetLedger.Range> held = timers.get(Step.LEDGER_LOOKUP).recordCallable(() -> ledger.overlapping(topic, partition, next, last));
            Optional<OffsetLedger.Range> holding = held.stream().filter(r -> r.start() <= next).findFirst();
            if (holding.isPresent()) {
                OffsetLedger.Range range = holding.get();
                // a block is its whole range: one this batch holds only a part of is stored by another, or later
                if (!range.stored() && (range.start() < first || range.end() > last)) {
                    throw new ClaimedElsewhere(topic, partition, range, first, last);
                }
                return range;
            }
            long end = held.stream().mapToLong(OffsetLedger.Range::start).min().orElse(last + 1) - 1;
            if (timers.get(Step.LEDGER_CLAIM).recordCallable(() -> ledger.claim(topic, partition, next, end, claimant))) {
                return new OffsetLedger.Range(next, end, false);
            }
            // another aggregator claimed records from next first: its range it is
        }
    }

    /** The range's new rows as one block under the range's token, then the range marked stored. */
    private void store(String topic, int partition, OffsetLedger.Range range, List<Consumed> records, Tally tally) throws Exception {
        String token = range.token(topic, partition);
        Map<String, Map<UUID, StoredEvent>> byOrg = new LinkedHashMap<>();
        for (Consumed record : records) {
            if (record.row() != null) {
                byOrg.computeIfAbsent(record.row().org(), o -> new LinkedHashMap<>()).putIfAbsent(record.row().key(), record.row());
            }
        }
        List<StoredEvent> fresh = new ArrayList<>();
        for (var org : byOrg.entrySet()) {
            EventsTable.Lookup lookup = timers.get(Step.DEDUP_LOOKUP).recordCallable(() -> events.storedKeys(org.getKey(), org.getValue().keySet(),
                    token));
            tally.lookupRows += lookup.rowsRead();
            org.getValue().values().stream().filter(r -> !lookup.stored().contains(r.key())).forEach(fresh::add);
        }
        int before = tally.rejected.size();
        insert(fresh, token, tally.rejected);
        timers.get(Step.LEDGER_STORED).recordCallable(() -> {
            ledger.stored(topic, partition, range, claimant);
            return null;
        });
        tally.written += fresh.size() - (tally.rejected.size() - before);
    }

    /**
     * One block. Should ClickHouse refuse a row by its content, the block is halved (each half
     * under a token of its own, the same however often the range is stored) until the refused
     * rows stand alone; the others are stored. Any other failure (server away, timeout) is thrown,
     * and the batch is retried: the range's block is made again of the same rows.
     */
    private void insert(List<StoredEvent> rows, String token, Map<UUID, String> rejected) throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        try {
            timers.get(Step.INSERT).recordCallable(() -> {
                events.insertOnce(rows, token);
                return null;
            });
        } catch (Exception e) {
            Optional<ServerException> refused = EventsTable.refusedRow(e);
            if (refused.isEmpty()) {
                throw e;
            }
            if (rows.size() == 1) {
                rejected.put(rows.getFirst().key(), "ClickHouse refused it: " + refused.get().getMessage());
                return;
            }
            int half = rows.size() / 2;
            insert(rows.subList(0, half), token + "/a", rejected);
            insert(rows.subList(half, rows.size()), token + "/b", rejected);
        }
    }
}
