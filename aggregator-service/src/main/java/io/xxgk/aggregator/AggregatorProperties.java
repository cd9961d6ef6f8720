package io.xxgk.aggregator;

import io.xxgk.contract.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic the events topic to consume
 */
@ConfigurationProperties("xxgk.aggregator")
public record AggregatorProperties(@DefaultValue(Topics.EVENTS) String topic) {
}
