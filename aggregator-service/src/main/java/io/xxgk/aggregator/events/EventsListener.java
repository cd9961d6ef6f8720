package io.xxgk.aggregator.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.xxgk.aggregator.AggregatorProperties;
import io.xxgk.aggregator.store.EventStore;
import io.xxgk.contract.EventParser;
import io.xxgk.contract.Topics;
import io.xxgk.registry.Org;
import io.xxgk.registry.Registry;
import io.xxgk.store.events.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Consumes the events topic in batches (read_committed: whole requests only). Each record is read
 * with the CloudEvents SDK and checked with the contract's parser; those that fail, and those
 * ClickHouse refuses to store, go to the dead-letter topic with the reason. The rest are stored
 * exactly once; only then does the batch's offset get committed (at-least-once delivery,
 * exactly-once counting).
 */
@Component
class EventsListener {

    static final String REASON_HEADER = "xxgk-dead-letter-reason";
    static final String ORIGIN_HEADER = "xxgk-dead-letter-origin";

    private final EventStore store;
    private final Registry registry;
    private final KafkaTemplate<String, byte[]> kafka;
    private final AggregatorProperties properties;
    private final AggregatorMetrics metrics;
    private final EventParser parser = EventParser.forAcceptedEvents();

    EventsListener(EventStore store, Registry registry, KafkaTemplate<String, byte[]> kafka, AggregatorProperties properties,
                   AggregatorMetrics metrics) {
        this.store = store;
        this.registry = registry;
        this.kafka = kafka;
        this.properties = properties;
        this.metrics = metrics;
    }

    @KafkaListener(topics = "${xxgk.aggregator.topic:" + Topics.EVENTS + "}", batch = "true")
    void onEvents(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        metrics.batch().recordCallable(() -> {
            store(records);
            return null;
        });
    }

    private void store(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Map<String, ZoneId> zones = new HashMap<>();   // each org's, looked up once a batch
        List<EventStore.Consumed> consumed = new ArrayList<>(records.size());
        Map<UUID, ConsumerRecord<String, byte[]>> recordOf = new HashMap<>();
        List<ProducerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        int readable = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            StoredEvent row = null;
            try {
                row = row(record, zones);
                recordOf.putIfAbsent(row.key(), record);
                readable++;
            } catch (RuntimeException unreadable) {
                deadLetters.add(deadLetter(record, unreadable.getMessage()));
            }
            // an unread record's offset is its range's all the same: every aggregator splits the partition alike
            consumed.add(new EventStore.Consumed(record.topic(), record.partition(), record.offset(), row));
        }
        EventStore.Stored stored = store.write(consumed);
        stored.rejected().forEach((key, reason) -> deadLetters.add(deadLetter(recordOf.get(key), reason)));
        // before the offsets are committed: a crash here re-delivers, and at worst sends a dead letter twice
        for (ProducerRecord<String, byte[]> deadLetter : deadLetters) {
            kafka.send(deadLetter).get(30, TimeUnit.SECONDS);
        }
        metrics.deadLettered(deadLetters.size());
        long oldest = records.stream().mapToLong(ConsumerRecord::timestamp).min().orElse(0);
        long newest = records.stream().mapToLong(ConsumerRecord::timestamp).max().orElse(0);
        metrics.stored(readable - stored.rejected().size(), stored.written(), stored.lookupRows(), oldest, newest);
    }

    private StoredEvent row(ConsumerRecord<String, byte[]> record, Map<String, ZoneId> zones) {
        Header orgHeader = record.headers().lastHeader(Topics.ORG_HEADER);
        if (orgHeader == null) {
            throw new IllegalArgumentException("no " + Topics.ORG_HEADER + " header");
        }
        String org = new String(orgHeader.value(), StandardCharsets.UTF_8);
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        return switch (parser.parse(event)) {
            case EventParser.Valid valid -> StoredEvent.of(org, zones.computeIfAbsent(org, this::zone), valid);
            case EventParser.Invalid invalid -> throw new IllegalArgumentException("breaks the contract: " + invalid.violations());
        };
    }

    private ZoneId zone(String org) {
        return registry.org(org).map(Org::zone).orElse(ZoneId.of(Org.DEFAULT_TIME_ZONE));
    }

    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(properties.deadLetterTopic(), null, record.key(),
                record.value(), record.headers());
        deadLetter.headers().add(REASON_HEADER, String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
        deadLetter.headers().add(ORIGIN_HEADER, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return deadLetter;
    }
}
