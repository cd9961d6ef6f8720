package io.xxgk.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clickhouse.client.api.Client;
import io.xxgk.contract.Topics;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Events on a real topic end up, once each, in a real ClickHouse. */
@SpringBootTest
class EventsToClickHouseTest {

    private static final String TOPIC = RealServers.uniqueName("events");
    private static final String DATABASE = RealServers.uniqueName("agg");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("xxgk.aggregator.topic", () -> TOPIC);
        registry.add("xxgk.clickhouse.database", () -> DATABASE);
        registry.add("spring.kafka.consumer.group-id", () -> RealServers.uniqueName("group"));
    }

    @BeforeAll
    static void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
    }

    @Autowired
    Client clickHouse;

    @Test
    void storesEachEventOnceEvenWhenSentTwice() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String id : List.of("e-1", "e-2", "e-1")) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, "org-a//test/" + id, event(id));
                record.headers().add(Topics.ORG_HEADER, "org-a".getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                clickHouse.queryAll("SELECT count() AS n FROM events_raw WHERE org = 'org-a'").getFirst().getLong("n"))
                .as("rows stored").isGreaterThanOrEqualTo(3));
        var rows = clickHouse.queryAll("SELECT id, type, channel, toString(time) AS t FROM events_raw FINAL WHERE org = 'org-a' ORDER BY id");
        assertThat(rows).extracting(r -> r.getString("id")).containsExactly("e-1", "e-2");
        assertThat(rows.getFirst().getString("channel")).isEqualTo("wechat");
        assertThat(rows.getFirst().getString("t")).as("stored in UTC").isEqualTo("2024-03-01 01:00:00.000");
    }

    private static byte[] event(String id) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"xxgk.item.viewed","time":"2024-03-01T09:00:00+08:00",
                 "subject":"item-1","data":{"channel":"wechat","itemId":"item-1","views":3}}""".formatted(id).getBytes(StandardCharsets.UTF_8);
    }
}
