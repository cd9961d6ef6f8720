package io.xxgk.aggregator.store;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.data.ClickHouseFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events to ClickHouse exactly once: drops copies within the batch and events already
 * stored (a primary-key lookup on (org, key)), then inserts the rest as one block, which
 * ClickHouse applies whole or not at all. Offsets are committed only after this returns, so a
 * crash re-delivers the batch and the lookup finds whatever was already written. Rows ClickHouse
 * refuses by their content are handed back, for the dead-letter topic.
 */
@Component
public class EventStore {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Client clickHouse;
    private final JsonMapper json;

    EventStore(Client clickHouse, JsonMapper json) {
        this.clickHouse = clickHouse;
        this.json = json;
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
            clickHouse.insert("events", new ByteArrayInputStream(jsonEachRow(rows)), ClickHouseFormat.JSONEachRow).get().close();
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

    /** Only the fields an event has: ClickHouse fills the omitted ones with the columns' zero defaults. */
    private byte[] jsonEachRow(List<EventRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 256);
        for (EventRow r : rows) {
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringProperty("org", r.org());
                g.writeStringProperty("key", r.key().toString());
                g.writeStringProperty("source", r.source());
                g.writeStringProperty("id", r.id());
                g.writeStringProperty("type", r.type());
                g.writeStringProperty("time", TIME.format(r.time().atZoneSameInstant(ZoneOffset.UTC)));
                g.writeStringProperty("day", r.day().toString());
                text(g, "channel", r.channel());
                text(g, "item", r.item());
                text(g, "department", r.department());
                number(g, "category", r.category());
                if (r.original()) {
                    g.writeBooleanProperty("original", true);
                }
                text(g, "title", r.title());
                text(g, "url", r.url());
                number(g, "views", r.views());
                number(g, "readers", r.readers());
                number(g, "total_views", r.totalViews());
                number(g, "total_readers", r.totalReaders());
                number(g, "followers", r.followers());
                number(g, "issue_number", r.issueNumber());
                number(g, "pages", r.pages());
                number(g, "items", r.items());
                text(g, "ref", r.ref());
                text(g, "kind", r.kind());
                number(g, "count", r.count());
                g.writeEndObject();
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static void text(JsonGenerator g, String name, String value) {
        if (!value.isEmpty()) {
            g.writeStringProperty(name, value);
        }
    }

    private static void number(JsonGenerator g, String name, long value) {
        if (value != 0) {
            g.writeNumberProperty(name, value);
        }
    }
}
