package io.xxgk.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clickhouse.client.api.Client;
import io.xxgk.contract.Topics;
import io.xxgk.registry.Org;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.store.events.EventsTable;
import io.xxgk.store.events.StoredEvent;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two aggregator instances share a six-partition topic: one joins mid-stream, the first leaves
 * mid-stream, so partitions move twice while events (every one sent twice) keep coming.
 * Every event is stored exactly once.
 */
class RebalanceTest {

    private static final int EVENTS = 3000;

    private final String topic = RealServers.uniqueName("events");
    private final String registryTopic = RealServers.uniqueName("registry");
    private final String database = RealServers.uniqueName("rebalance");
    private final String group = RealServers.uniqueName("group");

    @Test
    void eventsAreStoredExactlyOnceWhilePartitionsMoveBetweenInstances() throws Exception {
        String bootstrap = RealServers.get().kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        try (RegistryWriter writer = new RegistryWriter(bootstrap, registryTopic)) {
            writer.put(Org.withDefaultChannels("org-r", "再平衡大学"));
        }
        ConfigurableApplicationContext first = aggregator();
        ConfigurableApplicationContext second = null;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                if (i == EVENTS / 3) {
                    second = aggregator();
                }
                if (i == 2 * EVENTS / 3) {
                    first.close();
                }
                for (int copy = 0; copy < 2; copy++) {
                    producer.send(record(i));
                }
            }
            producer.flush();
        }

        ClickHouseProperties properties = new ClickHouseProperties(RealServers.get().clickhouseUrl(), database, "default", "");
        try (Client clickHouse = ClickHouseClients.builder(properties).setDefaultDatabase(database).build()) {
            EventsTable events = new EventsTable(clickHouse, database);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                List<StoredEvent> rows = events.rows("org-r", "/rebalance");
                assertThat(rows.size() + "/" + rows.stream().map(StoredEvent::key).distinct().count() + "/"
                        + rows.stream().mapToLong(StoredEvent::views).sum())
                        .as("rows/distinct keys/views").isEqualTo(EVENTS + "/" + EVENTS + "/" + (long) EVENTS * (EVENTS + 1) / 2);
            });
        } finally {
            if (second != null) {
                second.close();
            }
            first.close();
        }
    }

    /** One more aggregator instance in this JVM; arguments, so they win over application.yaml. */
    private ConfigurableApplicationContext aggregator() {
        Map<String, String> properties = Map.of(
                "server.port", "0",
                "spring.kafka.bootstrap-servers", RealServers.get().kafkaBootstrap(),
                "spring.kafka.consumer.group-id", group,
                "xxgk.aggregator.topic", topic,
                "xxgk.aggregator.dead-letter-topic", topic + "-dead",
                "xxgk.registry.topic", registryTopic,
                "xxgk.clickhouse.url", RealServers.get().clickhouseUrl(),
                "xxgk.clickhouse.database", database);
        return new SpringApplicationBuilder(AggregatorApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private ProducerRecord<String, byte[]> record(int i) {
        byte[] event = ("{\"specversion\":\"1.0\",\"id\":\"r-%d\",\"source\":\"/rebalance\",\"type\":\"xxgk.item.viewed\","
                + "\"time\":\"2024-06-01T10:00:00+08:00\",\"data\":{\"channel\":\"website\",\"itemId\":\"i-%d\",\"views\":%d}}")
                .formatted(i, i % 50, i + 1).getBytes(StandardCharsets.UTF_8);
        // keyed by identity, as ingest does: both copies land on the same partition
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "org-r//rebalance/r-" + i, event);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.ORG_HEADER, "org-r".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
