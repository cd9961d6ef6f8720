package io.xxgk.aggregator;

import com.clickhouse.client.api.Client;
import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.store.Rollups;
import io.xxgk.store.events.EventsTable;
import io.xxgk.store.events.OffsetLedger;
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

    /** Rebuilding and compacting the rollups the schema defines (repair endpoint, hourly compaction). */
    @Bean
    Rollups rollups(Client clickHouse, ClickHouseProperties properties) {
        return new Rollups(clickHouse, properties.database());
    }

    @Bean
    EventsTable eventsTable(Client clickHouse, ClickHouseProperties properties) {
        return new EventsTable(clickHouse, properties.database());
    }

    @Bean
    OffsetLedger offsetLedger(Client clickHouse, ClickHouseProperties properties) {
        return new OffsetLedger(clickHouse, properties.database());
    }
}
