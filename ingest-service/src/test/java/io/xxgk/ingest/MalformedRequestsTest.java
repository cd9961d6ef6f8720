package io.xxgk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xxgk.testing.RealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Thousands of broken requests, each built to be wrong in one way (a missing or mistyped field, a
 * cut-off body, random bytes, a bad header): none may be accepted and none may cause a 5xx. Seeded,
 * so a failure repeats; the seed and the request are in the assertion message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestsTest extends IngestServerTest {

    private static final TestTenant TENANT = TestTenant.create();
    private static final String TOPIC = RealServers.uniqueName("events");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 3000;
    private static final List<String> REQUIRED = List.of("specversion", "id", "source", "type", "time", "data", "data.channel", "data.itemId");
    private static final List<Object> WRONG_VALUES = List.of(42, -1, 1.5, true, "", " ", List.of(), Map.of("a", 1), "\u0000", "x".repeat(5000));
    private static final List<String> CONTENT_TYPES = List.of("application/cloudevents+json", "application/cloudevents-batch+json");
    private static final List<String> BAD_CONTENT_TYPES = List.of("", "*/*", "application/cloudevents+json;;=", "text/html",
            "application/octet-stream", "multipart/form-data; boundary=x", "multipart/form-data", "application/cloudevents+xml", "\u00e9/\u00e9");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TENANT.register(registry, TOPIC);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noBrokenRequestIsAcceptedOrCausesAServerError() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261122L);
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Request request = broken(random);
            HttpResponse<String> reply = send(request);

            statuses.merge(reply.statusCode(), 1, Integer::sum);
            assertThat(reply.statusCode()).as("seed %d, request %d: %s", seed, i, request).isBetween(400, 499);
            if (reply.statusCode() != 413 && reply.statusCode() != 415 && reply.statusCode() != 401) {
                assertThat(reply.headers().firstValue("Content-Type")).as("request %d", i)
                        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            }
        }
        assertThat(TopicReader.readAll(TOPIC)).as("nothing reached Kafka").isEmpty();
        assertThat(statuses.keySet()).as("every kind of refusal was exercised: " + statuses).contains(400, 401, 403, 413, 415);
    }

    record Request(String contentType, String authorization, byte[] body) {
        @Override
        public String toString() {
            return "Content-Type=" + contentType + ", Authorization=" + authorization + ", body="
                    + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        }
    }

    private Request broken(Random random) throws Exception {
        String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
        String auth = "Bearer " + TENANT.full();
        ObjectNode event = (ObjectNode) JSON.readTree(IngestClient.published("fz-" + random.nextInt(1_000_000), "website"));
        byte[] body;
        switch (random.nextInt(9)) {
            case 0 -> body = serialize(type, remove(event, REQUIRED.get(random.nextInt(REQUIRED.size()))));
            case 1 -> body = serialize(type, replace(event, REQUIRED.get(random.nextInt(REQUIRED.size())),
                    WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size()))));
            case 2 -> {
                byte[] whole = serialize(type, event);
                body = java.util.Arrays.copyOf(whole, random.nextInt(whole.length));
            }
            case 3 -> {
                body = new byte[random.nextInt(300)];
                random.nextBytes(body);
            }
            case 4 -> body = serialize(type, outOfRange(event, random));
            case 5 -> {
                body = serialize(type, event);
                auth = List.of("", "Bearer", "Bearer ", "Basic YTpi", "Bearer xxgk_", "Bearer xxgk_zz_zz", "bearer " + TENANT.revoked(),
                        "Bearer " + TENANT.full().substring(0, 20)).get(random.nextInt(8));
            }
            case 6 -> {
                body = serialize(type, event);
                type = BAD_CONTENT_TYPES.get(random.nextInt(BAD_CONTENT_TYPES.size()));
            }
            case 7 -> {
                // for a channel the token may not write, or that the org does not have
                ((ObjectNode) event.get("data")).put("channel", random.nextBoolean() ? "weibo" : "no-such-channel");
                body = serialize(type, event);
                auth = "Bearer " + (random.nextBoolean() ? TENANT.websiteOnly() : TENANT.full());
            }
            default -> body = oversized(random);
        }
        return new Request(type, auth, body);
    }

    private static ObjectNode outOfRange(ObjectNode event, Random random) {
        ObjectNode data = (ObjectNode) event.get("data");
        switch (random.nextInt(6)) {
            case 0 -> data.put("category", random.nextBoolean() ? 0 : 51 + random.nextInt(1000));
            case 1 -> event.put("time", "2999-01-01T00:00:00+08:00");
            case 2 -> event.put("time", "2024-13-45T25:61:00+08:00");
            case 3 -> event.put("type", "xxgk.item." + random.nextInt(1000));
            case 4 -> event.put("specversion", "0.3");
            default -> data.put("url", "ftp://" + random.nextInt());
        }
        return event;
    }

    private static byte[] oversized(Random random) {
        if (random.nextBoolean()) {
            return ("[" + "[".repeat(5000) + "]".repeat(5000) + "]").getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            batch.append(i == 0 ? "" : ",").append(IngestClient.published("big-" + i, "website"));
        }
        return batch.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode remove(ObjectNode event, String path) {
        parent(event, path).remove(leaf(path));
        return event;
    }

    private static ObjectNode replace(ObjectNode event, String path, Object value) {
        parent(event, path).set(leaf(path), JSON.valueToTree(value));
        return event;
    }

    private static ObjectNode parent(ObjectNode event, String path) {
        return path.startsWith("data.") ? (ObjectNode) event.get("data") : event;
    }

    private static String leaf(String path) {
        return path.substring(path.indexOf('.') + 1);
    }

    private static byte[] serialize(String contentType, JsonNode event) throws Exception {
        return contentType.contains("batch") ? JSON.writeValueAsBytes(JSON.createArrayNode().add(event)) : JSON.writeValueAsBytes(event);
    }

    private HttpResponse<String> send(Request request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (!request.contentType().isEmpty()) {
            builder.header("Content-Type", request.contentType());
        }
        if (!request.authorization().isEmpty()) {
            builder.header("Authorization", request.authorization());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
