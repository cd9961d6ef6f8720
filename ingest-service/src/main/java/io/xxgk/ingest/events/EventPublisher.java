package io.xxgk.ingest.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.xxgk.contract.EventParser;
import io.xxgk.contract.Topics;
import io.xxgk.ingest.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one request's events to the events topic in one Kafka transaction (acks=all, idempotent):
 * they all become visible to the aggregator, which reads committed only, or none do. The record
 * key is the event's identity (org, source, id): a re-sent event lands on the partition of its
 * first copy, where the aggregator that owns that partition recognises it.
 */
@Component
class EventPublisher {

    private static final JsonFormat STRUCTURED = new JsonFormat();

    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestProperties properties;

    EventPublisher(KafkaTemplate<String, byte[]> kafka, IngestProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    static String key(String org, CloudEvent event) {
        return org + "/" + event.getSource() + "/" + event.getId();
    }

    void publish(String org, List<EventParser.Valid> events) {
        byte[] orgHeader = org.getBytes(StandardCharsets.UTF_8);
        try {
            kafka.executeInTransaction(operations -> {
                for (EventParser.Valid valid : events) {
                    ProducerRecord<String, byte[]> record = KafkaMessageFactory
                            .createWriter(properties.topic(), key(org, valid.event()))
                            .writeStructured(valid.event(), STRUCTURED);
                    record.headers().add(Topics.ORG_HEADER, orgHeader);
                    operations.send(record);
                }
                return null;
            });
        } catch (RuntimeException kafkaDownOrSlow) {
            throw Rejection.unavailable(properties.retryAfter());
        }
    }
}
