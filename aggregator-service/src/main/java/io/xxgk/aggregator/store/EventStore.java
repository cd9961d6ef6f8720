package io.xxgk.aggregator.store;

import com.clickhouse.client.api.Client;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events to ClickHouse exactly once: drops copies within the batch and events already
 * stored (a primary-key lookup on (org, key)), then inserts the rest as one block, which
 * ClickHouse applies whole or not at all. Offsets are committed only after this returns, so a
 * crash re-delivers the batch and the lookup finds whatever was already written.
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

    /** @return how many rows were new and written */
    public int write(List<EventRow> rows) throws Exception {
        Map<String, Map<UUID, EventRow>> byOrg = new LinkedHashMap<>();
        for (EventRow row : rows) {
            byOrg.computeIfAbsent(row.org(), o -> new LinkedHashMap<>()).putIfAbsent(row.key(), row);
        }
        List<EventRow> fresh = new ArrayList<>();
        for (var org : byOrg.entrySet()) {
            Set<UUID> stored = stored(org.getKey(), org.getValue().keySet());
            org.getValue().values().stream().filter(r -> !stored.contains(r.key())).forEach(fresh::add);
        }
        if (!fresh.isEmpty()) {
            clickHouse.insert("events", new ByteArrayInputStream(jsonEachRow(fresh)), ClickHouseFormat.JSONEachRow).get().close();
        }
        return fresh.size();
    }

    private Set<UUID> stored(String org, Set<UUID> keys) {
        String array = keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(",", "[", "]"));
        Set<UUID> stored = new HashSet<>();
        clickHouse.queryAll("SELECT key FROM events WHERE org = {org:String} AND key IN {keys:Array(UUID)}",
                Map.of("org", org, "keys", array), null).forEach(r -> stored.add(UUID.fromString(r.getString("key"))));
        return stored;
    }

    private byte[] jsonEachRow(List<EventRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 300);
        for (EventRow r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("org", r.org());
            row.put("key", r.key().toString());
            row.put("source", r.source());
            row.put("id", r.id());
            row.put("type", r.type());
            row.put("time", r.time().atZoneSameInstant(ZoneOffset.UTC).format(TIME));
            row.put("day", r.day().toString());
            row.put("channel", r.channel());
            row.put("item", r.item());
            row.put("department", r.department());
            row.put("category", r.category());
            row.put("original", r.original());
            row.put("title", r.title());
            row.put("url", r.url());
            row.put("views", r.views());
            row.put("readers", r.readers());
            row.put("total_views", r.totalViews());
            row.put("total_readers", r.totalReaders());
            row.put("followers", r.followers());
            row.put("issue_number", r.issueNumber());
            row.put("pages", r.pages());
            row.put("items", r.items());
            row.put("ref", r.ref());
            row.put("kind", r.kind());
            row.put("count", r.count());
            out.writeBytes(json.writeValueAsBytes(row));
            out.write('\n');
        }
        return out.toByteArray();
    }
}
