package io.xxgk.aggregator.events;

import io.xxgk.aggregator.AggregatorProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

    /**
     * A batch that fails to store (ClickHouse away, a timeout) is retried until it succeeds, never
     * skipped: skipping would lose events. Unreadable events do not fail the batch; they go to the
     * dead-letter topic.
     */
    @Bean
    CommonErrorHandler retryForever(AggregatorProperties properties, AggregatorMetrics metrics) {
        DefaultErrorHandler handler = new DefaultErrorHandler(
                new FixedBackOff(properties.retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int attempt) {
                failed(e, attempt);
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception e, int attempt) {
                failed(e, attempt);
            }

            private void failed(Exception e, int attempt) {
                metrics.batchFailed();
                log.warn("storing a batch failed (attempt {}), retrying in {}: {}", attempt, properties.retryBackoff(), rootMessage(e));
            }
        });
        return handler;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Bean
    NewTopic deadLetterTopic(AggregatorProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).replicas(1).build();
    }
}
