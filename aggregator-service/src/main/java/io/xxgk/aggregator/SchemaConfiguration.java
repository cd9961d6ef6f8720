package io.xxgk.aggregator;

import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The aggregator owns the ClickHouse schema: it migrates it at start, before consuming anything. */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

    @Bean
    ClickHouseMigrations clickHouseMigrations(ClickHouseProperties properties) {
        return new ClickHouseMigrations(properties);
    }
}
