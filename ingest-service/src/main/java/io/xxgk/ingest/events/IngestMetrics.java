package io.xxgk.ingest.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** What an operator watches on ingest: events accepted and rejected (by channel and reason), batch sizes, Kafka latency. */
@Component
class IngestMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Timer produce;
    private final Map<String, Counter> acceptedByChannel = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("xxgk.ingest.batch.events")
                .description("Events per accepted request")
                .baseUnit("events")
                .serviceLevelObjectives(1, 10, 100, 1000)
                .register(registry);
        this.produce = Timer.builder("xxgk.ingest.produce")
                .description("Time to write one request's events to Kafka and commit them")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    Timer produceTimer() {
        return produce;
    }

    void accepted(List<ReadEvent> events) {
        batchSize.record(events.size());
        Map<String, Long> perChannel = new HashMap<>();
        for (ReadEvent event : events) {
            perChannel.merge(event.valid().data().channel().orElse("none"), 1L, Long::sum);
        }
        perChannel.forEach((channel, count) -> acceptedByChannel.computeIfAbsent(channel, c ->
                counter("xxgk.ingest.events.accepted", "Events written to Kafka and acknowledged to the adapter", c, null))
                .increment(count));
    }

    void rejected(Rejection rejection) {
        if (rejection.errors().isEmpty()) {
            counter("xxgk.ingest.requests.rejected", "Requests refused as a whole (no events read)", null, rejection.reason()).increment();
            return;
        }
        long events = rejection.errors().stream().map(Rejection.EventProblem::index).distinct().count();
        counter("xxgk.ingest.events.rejected", "Events refused, by reason (invalid, forbidden)", null, rejection.reason()).increment(events);
    }

    private Counter counter(String name, String description, String channel, String reason) {
        Counter.Builder builder = Counter.builder(name).description(description);
        if (channel != null) {
            builder.tag("channel", channel);
        }
        if (reason != null) {
            builder.tag("reason", reason);
        }
        return builder.register(registry);
    }
}
