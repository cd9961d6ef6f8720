package io.xxgk.aggregator;

import io.xxgk.contract.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic           the events topic to consume
 * @param deadLetterTopic where events that cannot be read or stored go, with the reason
 * @param retryBackoff    the wait before a batch whose write failed (ClickHouse away) is tried again; it is never skipped
 * @param compactEvery    how often the rollups of closed years are merged into one part per year (fast year reports)
 */
@ConfigurationProperties("xxgk.aggregator")
public record AggregatorProperties(
        @DefaultValue(Topics.EVENTS) String topic,
        @DefaultValue(Topics.DEAD_LETTER) String deadLetterTopic,
        @DefaultValue("2s") Duration retryBackoff,
        @DefaultValue("1h") Duration compactEvery) {
}
