package io.xxgk.ingest.events;

import io.xxgk.ingest.IngestProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class EventsTopicConfiguration {

    /** Created at start when missing; an existing topic is left as it is. */
    @Bean
    NewTopic eventsTopic(IngestProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).replicas(1).build();
    }
}
