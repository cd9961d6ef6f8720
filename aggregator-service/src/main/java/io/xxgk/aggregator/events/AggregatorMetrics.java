package io.xxgk.aggregator.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What an operator watches on the aggregator: rows written, copies dropped, dead letters, how long
 * a batch takes, the rows the dedup lookup read (per row written: its cost, docs/counting.md), and freshness (accepted by ingest → stored). Consumer lag comes from the Kafka
 * client's own metrics ({@code kafka_consumer_fetch_manager_records_lag_max}).
 */
@Component
class AggregatorMetrics {

    private final Counter written;
    private final Counter duplicates;
    private final Counter lookupRows;
    private final Counter deadLettered;
    private final Counter batchFailures;
    private final Timer batch;
    private final Timer freshness;

    AggregatorMetrics(MeterRegistry registry) {
        this.written = Counter.builder("xxgk.aggregator.rows.written")
                .description("Distinct events stored in ClickHouse").register(registry);
        this.duplicates = Counter.builder("xxgk.aggregator.events.duplicate")
                .description("Copies of events already stored (re-sent or re-delivered), dropped").register(registry);
        this.lookupRows = Counter.builder("xxgk.aggregator.dedup.rows.read")
                .description("Rows ClickHouse read to tell new events from stored ones (event_keys)").register(registry);
        this.deadLettered = Counter.builder("xxgk.aggregator.events.dead.lettered")
                .description("Events that could not be read or stored, sent to the dead-letter topic").register(registry);
        this.batchFailures = Counter.builder("xxgk.aggregator.batch.failures")
                .description("Attempts to store a batch that failed and will be retried (ClickHouse away or refusing)").register(registry);
        this.batch = Timer.builder("xxgk.aggregator.batch")
                .description("Time to store one consumed batch").publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.freshness = Timer.builder("xxgk.aggregator.freshness")
                .description("From an event's acceptance by ingest (its Kafka timestamp) to its storage in ClickHouse")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    Timer batch() {
        return batch;
    }

    void stored(int received, int written, long lookupRows, long oldestAcceptedMillis, long newestAcceptedMillis) {
        this.written.increment(written);
        this.lookupRows.increment(lookupRows);
        duplicates.increment(received - written);
        if (received > 0) {
            long now = System.currentTimeMillis();
            freshness.record(Duration.ofMillis(Math.max(0, now - oldestAcceptedMillis)));
            freshness.record(Duration.ofMillis(Math.max(0, now - newestAcceptedMillis)));
        }
    }

    void batchFailed() {
        batchFailures.increment();
    }

    void deadLettered(int events) {
        deadLettered.increment(events);
    }
}
