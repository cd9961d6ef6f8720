package io.xxgk.ingest;

import io.xxgk.contract.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param topic          where accepted events go
 * @param partitions     partitions of that topic when ingest creates it
 * @param sendTimeout    how long a request waits for its transaction to begin and commit before answering 503 (one whose
 *                       transaction has begun waits for how it ends: a 503 means nothing was stored)
 * @param committers     transactional producers writing requests in group commits
 * @param commitLinger   how long a group commit waits for more requests after its first: fewer transactions (each costs the
 *                       broker and ingest as much for one event as for a thousand) for that much more latency
 * @param retryAfter     the Retry-After of a 503
 * @param maxBatchEvents events in one request, at most (413 beyond)
 * @param maxBodySize    bytes in one request body, at most (413 beyond)
 * @param rateLimit      events one token may send (429 beyond)
 * @param maxQueuedEvents events waiting for a transaction, at most: beyond, a request is refused at once (503, overloaded)
 *                        rather than queued to time out
 * @param maxInFlightRequests requests handled at once, at most: beyond, a request is refused at once (503, overloaded), so
 *                        that past the machine's capacity the requests accepted are answered in time
 */
@ConfigurationProperties("xxgk.ingest")
public record IngestProperties(
        @DefaultValue(Topics.EVENTS) String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("2") int committers,
        @DefaultValue("25ms") Duration commitLinger,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("1000") int maxBatchEvents,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("20000") int maxQueuedEvents,
        @DefaultValue("32") int maxInFlightRequests) {

    /**
     * A token bucket of events per token and ingest instance: {@code burst} events at once, refilled
     * at {@code eventsPerSecond}. It keeps one institution's runaway adapter from taking a shared
     * platform's capacity; a 429 says when to come back and adapters retry then.
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5000") long eventsPerSecond,
            @DefaultValue("100000") long burst) {
    }
}
