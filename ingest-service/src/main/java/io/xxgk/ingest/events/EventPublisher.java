package io.xxgk.ingest.events;

import io.xxgk.contract.Topics;
import io.xxgk.ingest.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;

/** Writes events to the events topic and returns only once Kafka has acknowledged every one (acks=all). */
@Component
class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestProperties properties;

    EventPublisher(KafkaTemplate<String, byte[]> kafka, IngestProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    void publish(String org, List<JsonNode> events) {
        CompletableFuture<?>[] sends = events.stream().map(event -> {
            // keyed by the event's identity: a re-sent event lands on the same partition as its first copy
            String key = org + "/" + event.path("source").asString("") + "/" + event.path("id").asString("");
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.topic(), key,
                    event.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(Topics.ORG_HEADER, org.getBytes(StandardCharsets.UTF_8));
            return kafka.send(record);
        }).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (Exception e) {
            throw unavailable();
        }
    }

    private static ErrorResponseException unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the event store (Kafka) did not acknowledge in time; nothing was accepted, retry later");
        ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return unavailable;
    }
}
