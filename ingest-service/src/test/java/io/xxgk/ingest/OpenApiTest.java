package io.xxgk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.contract.EventData;
import io.xxgk.contract.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI description ingest serves says what the contract's code does: its types, kinds, media types and answers. */
class OpenApiTest {

    private final Map<String, Object> spec = load();

    @Test
    void theEventTypesAreTheContracts() {
        assertThat(list(at("components", "schemas", "EventType", "enum")))
                .containsExactlyElementsOf(Arrays.stream(EventType.values()).map(EventType::type).toList());
    }

    @Test
    void theKindsAreTheContracts() {
        List<String> kinds = Stream.concat(Arrays.stream(EventData.ComplaintKind.values()), Arrays.stream(EventData.ContactKind.values()))
                .map(k -> k.name().toLowerCase(Locale.ROOT)).toList();

        assertThat(list(at("components", "schemas", "CloudEvent", "properties", "data", "properties", "kind", "enum")))
                .containsExactlyElementsOf(kinds);
    }

    @Test
    void theEndpointTakesTheThreeModesAndDescribesEveryAnswerItGives() {
        Map<String, Object> post = map(at("paths", "/v1/events", "post"));

        assertThat(map(map(post.get("requestBody")).get("content")).keySet())
                .containsExactlyInAnyOrder("application/cloudevents+json", "application/cloudevents-batch+json", "application/json");
        assertThat(map(post.get("responses")).keySet()).containsExactlyInAnyOrder("202", "400", "401", "403", "413", "415", "429", "503");
    }

    private Object at(String... path) {
        Object node = spec;
        for (String key : path) {
            node = map(node).get(key);
            assertThat(node).as(String.join(".", path)).isNotNull();
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object node) {
        return (List<String>) node;
    }

    private static Map<String, Object> load() {
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/static/openapi.yaml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
