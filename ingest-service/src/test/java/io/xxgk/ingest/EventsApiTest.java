package io.xxgk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.contract.Topics;
import io.xxgk.testing.RealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The events API against a real broker: what is accepted is in Kafka, what is refused is not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventsApiTest {

    private static final String TOKEN = "test-token-" + RealServers.uniqueName("t");
    private static final String TOPIC = RealServers.uniqueName("events");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("xxgk.ingest.topic", () -> TOPIC);
        registry.add("xxgk.ingest.seed-org", () -> "demo");
        registry.add("xxgk.ingest.seed-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBatchIsInKafkaBeforeThe202() throws Exception {
        String batch = "[" + event("a-1") + "," + event("a-2") + "]";

        HttpResponse<String> reply = post("application/cloudevents-batch+json", "Bearer " + TOKEN, batch);

        assertThat(reply.statusCode()).isEqualTo(202);
        assertThat(reply.body()).isEqualTo("{\"accepted\":2}");
        List<ConsumerRecord<String, byte[]>> records = readTopic(2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("demo//test/a-1", "demo//test/a-2");
        assertThat(records).allSatisfy(r -> assertThat(new String(r.headers().lastHeader(Topics.ORG_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo("demo"));
    }

    @Test
    void aMissingOrWrongTokenIs401WithAProblem() throws Exception {
        for (String authorization : new String[] {null, "Bearer wrong", "Basic " + TOKEN}) {
            HttpResponse<String> reply = post("application/cloudevents+json", authorization, event("b-1"));

            assertThat(reply.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void otherMediaTypesAre415() throws Exception {
        assertThat(post("text/plain", "Bearer " + TOKEN, event("c-1")).statusCode()).isEqualTo(415);
    }

    @Test
    void healthReportsKafka() throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("\"kafka\":{").contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> post(String contentType, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String event(String id) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"xxgk.item.published","time":"2024-03-01T09:00:00+08:00",
                 "subject":"item-1","data":{"channel":"website","itemId":"item-1"}}""".formatted(id);
    }

    private static List<ConsumerRecord<String, byte[]>> readTopic(int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, RealServers.uniqueName("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
