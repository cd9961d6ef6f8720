package io.xxgk.ingest.events;

import io.xxgk.ingest.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /v1/events}: one structured CloudEvent or a batch of them, written to Kafka before the 202. */
@RestController
class EventsController {

    private final EventPublisher publisher;
    private final IngestProperties properties;
    private final JsonMapper json;

    EventsController(EventPublisher publisher, IngestProperties properties, JsonMapper json) {
        this.publisher = publisher;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping(path = "/v1/events", consumes = {"application/cloudevents+json", "application/cloudevents-batch+json"})
    ResponseEntity<Map<String, Integer>> accept(@RequestHeader(name = "Authorization", required = false) String authorization,
                                                @RequestBody byte[] body) {
        String org = authenticate(authorization);
        JsonNode root = json.readTree(body);
        List<JsonNode> events = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(events::add);
        } else {
            events.add(root);
        }
        publisher.publish(org, events);
        return ResponseEntity.accepted().body(Map.of("accepted", events.size()));
    }

    private String authenticate(String authorization) {
        String seed = properties.seedToken();
        if (authorization == null || !authorization.startsWith("Bearer ") || seed.isBlank()
                || !MessageDigest.isEqual(authorization.substring(7).getBytes(StandardCharsets.UTF_8), seed.getBytes(StandardCharsets.UTF_8))) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "a valid 'Authorization: Bearer <token>' is required");
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        }
        return properties.seedOrg();
    }
}
