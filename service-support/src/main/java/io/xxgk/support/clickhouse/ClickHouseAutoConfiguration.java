package io.xxgk.support.clickhouse;

import com.clickhouse.client.api.Client;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** A ClickHouse client on the platform's database, and its health on /actuator/health. */
@AutoConfiguration
@ConditionalOnClass(Client.class)
@EnableConfigurationProperties(ClickHouseProperties.class)
public class ClickHouseAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Client clickHouseClient(ClickHouseProperties properties) {
        return ClickHouseClients.builder(properties).setDefaultDatabase(properties.database()).build();
    }

    @Bean
    @ConditionalOnMissingBean(name = "clickHouseHealthIndicator")
    HealthIndicator clickHouseHealthIndicator(Client client, ClickHouseProperties properties) {
        return () -> client.ping(2_000)
                ? Health.up().withDetail("url", properties.url()).build()
                : Health.down().withDetail("url", properties.url()).build();
    }
}
