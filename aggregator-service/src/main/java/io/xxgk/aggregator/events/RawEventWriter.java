package io.xxgk.aggregator.events;

import com.clickhouse.client.api.Client;
import com.clickhouse.data.ClickHouseFormat;
import io.xxgk.contract.Topics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stores a batch of consumed events in {@code events_raw}, one insert per batch. */
@Component
class RawEventWriter {

    private static final DateTimeFormatter CLICKHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Client clickHouse;
    private final JsonMapper json;

    RawEventWriter(Client clickHouse, JsonMapper json) {
        this.clickHouse = clickHouse;
        this.json = json;
    }

    void write(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode event = json.readTree(record.value());
            Header org = record.headers().lastHeader(Topics.ORG_HEADER);
            Map<String, Object> row = Map.of(
                    "org", org == null ? "" : new String(org.value(), StandardCharsets.UTF_8),
                    "source", event.path("source").asString(""),
                    "id", event.path("id").asString(""),
                    "type", event.path("type").asString(""),
                    "time", OffsetDateTime.parse(event.path("time").asString()).atZoneSameInstant(ZoneOffset.UTC).format(CLICKHOUSE_TIME),
                    "subject", event.path("subject").asString(""),
                    "channel", event.path("data").path("channel").asString(""),
                    "data", event.path("data").toString());
            rows.write(json.writeValueAsBytes(row));
            rows.write('\n');
        }
        clickHouse.insert("events_raw", new ByteArrayInputStream(rows.toByteArray()), ClickHouseFormat.JSONEachRow).get().close();
    }
}
