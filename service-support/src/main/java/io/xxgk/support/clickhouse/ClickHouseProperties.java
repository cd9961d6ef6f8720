package io.xxgk.support.clickhouse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services find ClickHouse.
 *
 * @param url      HTTP endpoint of the server
 * @param database the platform's database; created by the aggregator's migrations
 */
@ConfigurationProperties("xxgk.clickhouse")
public record ClickHouseProperties(
        @DefaultValue("http://127.0.0.1:8123") String url,
        @DefaultValue("xxgk") String database,
        @DefaultValue("default") String username,
        @DefaultValue("") String password) {
}
