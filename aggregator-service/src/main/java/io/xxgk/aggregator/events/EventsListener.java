package io.xxgk.aggregator.events;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the events topic in batches. Offsets are committed only after the batch is stored, so
 * a crash re-delivers it (at-least-once); the raw table's key absorbs the repeat.
 */
@Component
class EventsListener {

    private final RawEventWriter writer;

    EventsListener(RawEventWriter writer) {
        this.writer = writer;
    }

    @KafkaListener(topics = "${xxgk.aggregator.topic:xxgk.events}", batch = "true")
    void onEvents(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        writer.write(records);
    }
}
