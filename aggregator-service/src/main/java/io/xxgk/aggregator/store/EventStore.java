package io.xxgk.aggregator.store;

import com.clickhouse.client.api.ServerException;
import io.xxgk.store.events.EventsTable;
import io.xxgk.store.events.StoredEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Writes events to ClickHouse exactly once: drops copies within the batch and events already
 * stored (a primary-key lookup on (org, key)), then inserts the rest as one block with a token
 * ({@link EventsTable#insertOnce}). Offsets are committed only after this returns, so a crash
 * re-delivers the batch and the lookup finds whatever was already written. ClickHouse writes
 * {@code events} before the rollups its views feed: a block whose insert failed may be in events
 * and not in every rollup, so it is stored again, whole and with its token, before anything else
 * (the rollups that have it skip it). Rows ClickHouse refuses by their content are handed back,
 * for the dead-letter topic.
 */
@Component
public class EventStore {

    private final EventsTable events;
    /** Per consumer thread, the block whose insert failed and is to be completed. */
    private final Map<Thread, List<StoredEvent>> unfinished = new ConcurrentHashMap<>();

    EventStore(EventsTable events) {
        this.events = events;
    }

    /**
     * @param written  rows that were new and are now stored
     * @param rejected rows ClickHouse refused by their content, by key, with its reason
     */
    public record Stored(int written, Map<UUID, String> rejected) {
    }

    public Stored write(List<StoredEvent> rows) throws Exception {
        List<StoredEvent> failed = unfinished.get(Thread.currentThread());
        if (failed != null) {
            try {
                events.insertOnce(failed);
            } catch (Exception e) {
                if (EventsTable.refusedRow(e).isEmpty()) {
                    throw e;
                }
                // a row of it ClickHouse refuses by its content: none of it was stored, and the batch's own insert sets it apart
            }
            unfinished.remove(Thread.currentThread());
        }
        Map<String, Map<UUID, StoredEvent>> byOrg = new LinkedHashMap<>();
        for (StoredEvent row : rows) {
            byOrg.computeIfAbsent(row.org(), o -> new LinkedHashMap<>()).putIfAbsent(row.key(), row);
        }
        List<StoredEvent> fresh = new ArrayList<>();
        for (var org : byOrg.entrySet()) {
            Set<UUID> stored = events.storedKeys(org.getKey(), org.getValue().keySet());
            org.getValue().values().stream().filter(r -> !stored.contains(r.key())).forEach(fresh::add);
        }
        Map<UUID, String> rejected = new LinkedHashMap<>();
        insert(fresh, rejected);
        return new Stored(fresh.size() - rejected.size(), rejected);
    }

    /**
     * One block. Should ClickHouse refuse a row by its content, the block is halved until the
     * refused rows stand alone; the others are stored (a crash in between is safe: redelivered
     * rows already stored are found by the lookup). Any other failure (server away, timeout) is
     * thrown, and the batch is retried, after the block is completed.
     */
    private void insert(List<StoredEvent> rows, Map<UUID, String> rejected) throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        try {
            events.insertOnce(rows);
        } catch (Exception e) {
            Optional<ServerException> refused = EventsTable.refusedRow(e);
            if (refused.isEmpty()) {
                // it may be in events and not in every rollup: store it again, whole, first
                unfinished.put(Thread.currentThread(), List.copyOf(rows));
                throw e;
            }
            ServerException refusal = refused.get();
            if (rows.size() == 1) {
                rejected.put(rows.getFirst().key(), "ClickHouse refused it: " + refusal.getMessage());
                return;
            }
            int half = rows.size() / 2;
            insert(rows.subList(0, half), rejected);
            insert(rows.subList(half, rows.size()), rejected);
        }
    }
}
