package io.xxgk.dashboard;

import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A dashboard test's own database on the real ClickHouse, its schema migrated as the aggregator
 * would, and the admin account the test logs in with.
 */
public record DashboardTestServers(String database, String password) {

    public static DashboardTestServers create(String name) {
        return new DashboardTestServers(RealServers.uniqueName(name), RealServers.uniqueName("pw"));
    }

    public void register(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("xxgk.clickhouse.database", this::database);
        registry.add("xxgk.dashboard.admin-user", () -> "admin");
        registry.add("xxgk.dashboard.admin-password", this::password);
    }

    public ClickHouseProperties clickHouse() {
        return new ClickHouseProperties(RealServers.get().clickhouseUrl(), database, "default", "");
    }

    public void migrate() {
        new ClickHouseMigrations(clickHouse()).afterPropertiesSet();
    }
}
