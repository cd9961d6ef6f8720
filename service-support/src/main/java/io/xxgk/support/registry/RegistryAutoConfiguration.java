package io.xxgk.support.registry;

import io.xxgk.registry.Registry;
import io.xxgk.registry.RegistryFollower;
import io.xxgk.registry.RegistryTopic;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The registry of orgs, channels and tokens, followed from Kafka, for every service that has the
 * registry module: ingest checks tokens with it, the aggregator takes each org's time zone from it.
 * A service is ready only once it has read the registry.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({RegistryFollower.class, KafkaProperties.class})
@EnableConfigurationProperties(RegistryAutoConfiguration.RegistryProperties.class)
public class RegistryAutoConfiguration {

    /**
     * @param topic        the registry's compacted topic
     * @param maxStaleness how long the registry may go without being seen up to date before the service fails closed
     */
    @ConfigurationProperties("xxgk.registry")
    public record RegistryProperties(@DefaultValue(RegistryTopic.DEFAULT_NAME) String topic, @DefaultValue("30s") Duration maxStaleness) {
    }

    /** Built from Spring's Kafka properties, so that the TLS and SASL settings of the service reach it too. */
    @Bean(destroyMethod = "close")
    RegistryFollower registryFollower(KafkaProperties kafka, RegistryProperties properties) {
        return new RegistryFollower(kafka.buildConsumerProperties(), kafka.buildAdminProperties(), properties.topic());
    }

    @Bean
    Registry registry(RegistryFollower follower) {
        return follower.registry();
    }

    /** Up while the registry can be trusted; out of service while it is first read; down when its follower stopped or is cut off. */
    @Bean
    HealthIndicator registryHealthIndicator(RegistryFollower follower, RegistryProperties properties) {
        return () -> {
            if (!follower.isCaughtUp() && follower.failure() == null) {
                return Health.outOfService().withDetail("reason", "still reading the registry topic").build();
            }
            return follower.unusable(properties.maxStaleness())
                    .map(reason -> Health.down().withDetail("reason", reason).build())
                    .orElseGet(() -> Health.up().withDetail("orgs", follower.registry().orgs().size()).build());
        };
    }

    /** A web service refuses requests (503) while its registry cannot be trusted. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RegistryGate> registryGate(RegistryFollower follower, RegistryProperties properties) {
        FilterRegistrationBean<RegistryGate> registration = new FilterRegistrationBean<>(new RegistryGate(follower, properties.maxStaleness()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);   // after the body limit, before security
        return registration;
    }
}
