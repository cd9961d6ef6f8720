package io.xxgk.aggregator.events;

import io.xxgk.aggregator.AggregatorProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    /**
     * A batch that fails to store (ClickHouse away, a timeout) is retried until it succeeds, never
     * skipped: skipping would lose events. Unreadable events do not fail the batch; they go to the
     * dead-letter topic.
     */
    @Bean
    CommonErrorHandler retryForever(AggregatorProperties properties) {
        return new DefaultErrorHandler(new FixedBackOff(properties.retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
    }

    @Bean
    NewTopic deadLetterTopic(AggregatorProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).replicas(1).build();
    }
}
