package io.xxgk.support.registry;

import io.xxgk.registry.Registry;
import io.xxgk.registry.RegistryFollower;
import io.xxgk.registry.RegistryTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * The registry of orgs, channels and tokens, followed from Kafka, for every service that has the
 * registry module: ingest checks tokens with it, the aggregator takes each org's time zone from it.
 * A service is ready only once it has read the registry.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({RegistryFollower.class, KafkaProperties.class})
@EnableConfigurationProperties(RegistryAutoConfiguration.RegistryProperties.class)
public class RegistryAutoConfiguration {

    /** @param topic the registry's compacted topic */
    @ConfigurationProperties("xxgk.registry")
    public record RegistryProperties(@DefaultValue(RegistryTopic.DEFAULT_NAME) String topic) {
    }

    @Bean(destroyMethod = "close")
    RegistryFollower registryFollower(KafkaProperties kafka, RegistryProperties properties) {
        return new RegistryFollower(String.join(",", kafka.getBootstrapServers()), properties.topic());
    }

    @Bean
    Registry registry(RegistryFollower follower) {
        return follower.registry();
    }

    @Bean
    HealthIndicator registryHealthIndicator(RegistryFollower follower) {
        return () -> follower.isCaughtUp()
                ? Health.up().withDetail("orgs", follower.registry().orgs().size()).build()
                : Health.outOfService().withDetail("reason", "still reading the registry topic").build();
    }
}
