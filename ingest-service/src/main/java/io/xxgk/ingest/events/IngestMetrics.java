package io.xxgk.ingest.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.xxgk.contract.EventParser;
import java.util.List;
import org.springframework.stereotype.Component;

/** What an operator watches on ingest: events accepted and rejected (by channel and reason), batch sizes, Kafka latency. */
@Component
class IngestMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Timer produce;

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

    void accepted(List<EventParser.Valid> events) {
        batchSize.record(events.size());
        for (EventParser.Valid event : events) {
            counter("xxgk.ingest.events.accepted", "Events written to Kafka and acknowledged to the adapter",
                    event.data().channel().orElse("none"), null).increment();
        }
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
