package io.xxgk.ingest.auth;

import io.xxgk.ingest.IngestProperties;
import io.xxgk.registry.Registry;
import io.xxgk.registry.RegistryFollower;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry of orgs and tokens, followed from Kafka; ingest is ready only once it has read it. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean(destroyMethod = "close")
    RegistryFollower registryFollower(KafkaProperties kafka, IngestProperties properties) {
        return new RegistryFollower(String.join(",", kafka.getBootstrapServers()), properties.registryTopic());
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
