package io.xxgk.ingest;

import static io.xxgk.ingest.IngestClient.event;
import static io.xxgk.ingest.IngestClient.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.xxgk.contract.Topics;
import io.xxgk.registry.ApiToken;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.testing.Promtool;
import io.xxgk.testing.RealServers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every answer of {@code POST /v1/events}, against a real broker: what is accepted is in Kafka, what is refused is not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventsApiTest extends IngestServerTest {

    private static final TestTenant TENANT = TestTenant.create();
    private static final String TOPIC = RealServers.uniqueName("events");
    private static final String BATCH = "application/cloudevents-batch+json";
    private static final String SINGLE = "application/cloudevents+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TENANT.register(registry, TOPIC);
    }

    IngestClient client;

    @BeforeEach
    void client() {
        client = new IngestClient(port);
    }

    @Test
    void structuredEventIsInKafkaBeforeThe202() throws Exception {
        HttpResponse<String> reply = client.post(SINGLE, TENANT.full(), published("s-1", "website"));

        assertThat(reply.statusCode()).isEqualTo(202);
        assertThat(reply.body()).isEqualTo("{\"accepted\":1}");
        ConsumerRecord<String, byte[]> record = record(TENANT.org() + "//test/cms/s-1");
        assertThat(new String(record.headers().lastHeader(Topics.ORG_HEADER).value(), StandardCharsets.UTF_8)).isEqualTo(TENANT.org());
        CloudEvent stored = KafkaMessageFactory.createReader(record).toEvent();
        assertThat(stored.getType()).isEqualTo("xxgk.item.published");
        assertThat(JSON.readTree(stored.getData().toBytes()).path("title").asText()).isEqualTo("通知");
    }

    @Test
    void batchIsAcceptedWhole() throws Exception {
        String batch = "[" + published("b-1", "website") + "," + published("b-2", "wechat") + ","
                + event("b-3", "xxgk.service.contact", "{\"kind\":\"call\",\"count\":402}") + "]";

        HttpResponse<String> reply = client.post(BATCH, TENANT.full(), batch);

        assertThat(reply.statusCode()).isEqualTo(202);
        assertThat(reply.body()).isEqualTo("{\"accepted\":3}");
        // committed means durable; read_committed readers see it once the commit markers are written, a moment later
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(TopicReader.keys(TOPIC)).contains(key("b-1"), key("b-2"), key("b-3")));
    }

    @Test
    void binaryModeIsAccepted() throws Exception {
        HttpResponse<String> reply = client.post("application/json", TENANT.full(),
                "{\"channel\":\"newspaper\",\"issueNumber\":336,\"pages\":4}",
                Map.of("ce-specversion", "1.0", "ce-id", "bin-1", "ce-source", "/test/cms", "ce-type", "xxgk.issue.released",
                        "ce-time", "2024-05-01T08:00:00+08:00"));

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);
        CloudEvent stored = KafkaMessageFactory.createReader(record(key("bin-1"))).toEvent();
        assertThat(JSON.readTree(stored.getData().toBytes()).path("issueNumber").asLong()).isEqualTo(336);
    }

    @Test
    void binaryModeWithoutItsHeadersNamesThem() throws Exception {
        HttpResponse<String> reply = client.post("application/json", TENANT.full(), "{\"kind\":\"call\"}",
                Map.of("ce-specversion", "1.0", "ce-type", "xxgk.service.contact"));

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(fields(reply)).contains("ce-id", "ce-source", "ce-time");
    }

    @Test
    void oneBadEventRefusesTheBatchAndListsEveryProblem() throws Exception {
        String batch = "[" + published("x-1", "website") + ","
                + event("x-2", "xxgk.item.viewed", "{\"channel\":\"website\",\"itemId\":\"a\",\"views\":0}") + ","
                + event("x-3", "xxgk.item.published", "{\"itemId\":\"a\",\"category\":77}") + "]";

        HttpResponse<String> reply = client.post(BATCH, TENANT.full(), batch);

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.path("detail").asText()).contains("2 of 3");
        assertThat(problem.path("errors")).extracting(e -> e.path("index").asInt() + ":" + e.path("id").asText() + ":" + e.path("field").asText())
                .containsExactlyInAnyOrder("1:x-2:data.views", "2:x-3:data.channel", "2:x-3:data.category");
        assertNothingWritten("x-1", "x-2", "x-3");
    }

    @Test
    void aChannelTheOrgDoesNotHaveIs400() throws Exception {
        HttpResponse<String> reply = client.post(SINGLE, TENANT.full(), published("u-1", "tiktok-intl"));

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.body()).contains("is not a channel of org " + TENANT.org());
    }

    @Test
    void aChannelTheTokenMayNotWriteIs403AndNothingIsWritten() throws Exception {
        String batch = "[" + published("f-1", "website") + "," + published("f-2", "wechat") + "]";

        HttpResponse<String> reply = client.post(BATCH, TENANT.websiteOnly(), batch);

        assertThat(reply.statusCode()).isEqualTo(403);
        JsonNode errors = JSON.readTree(reply.body()).path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(errors.get(0).path("field").asText()).isEqualTo("data.channel");
        assertNothingWritten("f-1", "f-2");
    }

    @Test
    void missingUnknownMalformedAndRevokedTokensAre401() throws Exception {
        String revokedLater = revokeAfterUse();
        for (String token : new String[] {null, "nope", "xxgk_000000000000_abc", TENANT.full() + "x", TENANT.revoked(), revokedLater}) {
            HttpResponse<String> reply = client.post(SINGLE, token, published("t-1", "website"));

            assertThat(reply.statusCode()).as(String.valueOf(token)).isEqualTo(401);
            assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertNothingWritten("t-1");
    }

    @Test
    void limitsAnswer413() throws Exception {
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> published("m-" + i, "website")).collect(Collectors.joining(",", "[", "]"));
        String tooBig = "[" + published("big", "website").replace("通知", "长".repeat(400_000)) + "]";

        assertThat(client.post(BATCH, TENANT.full(), tooMany).statusCode()).isEqualTo(413);
        assertThat(client.post(BATCH, TENANT.full(), tooBig).statusCode()).isEqualTo(413);
        assertNothingWritten("m-0", "big");
    }

    @Test
    void otherMediaTypesAre415() throws Exception {
        for (String type : new String[] {"text/plain", "application/json", "application/xml", null}) {
            HttpResponse<String> reply = client.post(type, TENANT.full(), published("mt-1", "website"));

            assertThat(reply.statusCode()).as(String.valueOf(type)).isEqualTo(415);
        }
    }

    @Test
    void bodiesThatAreNotEventsAre400() throws Exception {
        assertThat(client.post(SINGLE, TENANT.full(), "{not json").statusCode()).isEqualTo(400);
        assertThat(client.post(SINGLE, TENANT.full(), "").statusCode()).isEqualTo(400);
        assertThat(client.post(BATCH, TENANT.full(), published("o-1", "website")).statusCode()).as("batch that is no array").isEqualTo(400);
        assertThat(client.post(SINGLE, TENANT.full(), "[]").statusCode()).isEqualTo(400);
        assertThat(client.post(SINGLE, TENANT.full(), published("o-2", "website") + " {}").statusCode()).as("trailing JSON").isEqualTo(400);
        assertThat(client.post(BATCH, TENANT.full(), "[" + published("o-3", "website") + "] x").statusCode()).isEqualTo(400);
        assertNothingWritten("o-1", "o-2", "o-3");
    }

    @Test
    void readinessIncludesKafkaAndTheRegistryAndMetricsAreExposed() throws Exception {
        client.post(SINGLE, TENANT.full(), published("h-1", "website"));

        HttpResponse<String> readiness = client.get("/actuator/health/readiness");
        HttpResponse<String> metrics = client.get("/actuator/prometheus");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"kafka\":{").contains("\"registry\":{");
        assertThat(metrics.body()).contains("xxgk_ingest_events_accepted_total{channel=\"website\"")
                .contains("xxgk_ingest_produce_seconds").contains("xxgk_ingest_batch_events");
        client.post(SINGLE, null, published("h-2", "website"));
        assertThat(Promtool.check(client.get("/actuator/prometheus").body())).as("promtool check metrics").isEmpty();
    }

    @Test
    void theOpenApiDescriptionIsServed() throws Exception {
        HttpResponse<String> spec = client.get("/openapi.yaml");

        assertThat(spec.statusCode()).isEqualTo(200);
        try (var file = getClass().getResourceAsStream("/static/openapi.yaml")) {
            assertThat(spec.body()).as("what OpenApiTest checks").isEqualTo(new String(file.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private String revokeAfterUse() throws Exception {
        ApiToken.Issued issued = ApiToken.issue(TENANT.org(), java.util.Set.of("website"), "short-lived", Instant.now());
        try (RegistryWriter writer = new RegistryWriter(RealServers.get().kafkaBootstrap(), TENANT.registryTopic())) {
            writer.put(issued.token());
            await().atMost(Duration.ofSeconds(10)).until(() -> client.post(SINGLE, issued.bearer(), published("r-1", "website")).statusCode() == 202);
            writer.put(issued.token().revoked(Instant.now()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> client.post(SINGLE, issued.bearer(), published("r-2", "website")).statusCode() == 401);
        return issued.bearer();
    }

    private static String key(String id) {
        return TENANT.org() + "//test/cms/" + id;
    }

    private static ConsumerRecord<String, byte[]> record(String key) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> TopicReader.readAll(TOPIC).stream().filter(r -> r.key().equals(key)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private static void assertNothingWritten(String... ids) {
        List<String> keys = TopicReader.keys(TOPIC);
        for (String id : ids) {
            assertThat(keys).as("records in " + TOPIC).doesNotContain(key(id));
        }
    }

    private static List<String> fields(HttpResponse<String> reply) throws Exception {
        return JSON.readTree(reply.body()).path("errors").findValuesAsText("field");
    }
}
