package io.xxgk.ingest.events;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.xxgk.ingest.IngestProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** {@link IngestProperties.RateLimit}: one bucket of events per token, in this instance's memory. */
@Component
class TokenRateLimits {

    private final IngestProperties.RateLimit limit;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenRateLimits(IngestProperties properties) {
        this.limit = properties.rateLimit();
        if (limit.enabled() && (limit.eventsPerSecond() <= 0 || limit.burst() < properties.maxBatchEvents())) {
            throw new IllegalStateException("xxgk.ingest.rate-limit: events-per-second must be positive and burst at least "
                    + "max-batch-events (" + properties.maxBatchEvents() + "), or a full batch could never pass");
        }
    }

    /** Takes the events from the token's bucket, or refuses them all with when to come back. */
    void admit(String tokenId, int events) {
        if (!limit.enabled() || events == 0) {
            return;
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(tokenId, id -> Bucket.builder()
                        .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.eventsPerSecond(), Duration.ofSeconds(1)))
                        .build())
                .tryConsumeAndReturnRemaining(events);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw Rejection.rateLimited(events, limit.eventsPerSecond(), Duration.ofSeconds(seconds));
        }
    }
}
