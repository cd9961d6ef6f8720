package io.xxgk.dashboard;

import com.clickhouse.client.api.Client;
import io.xxgk.contract.EventData;
import io.xxgk.registry.DashboardUser;
import io.xxgk.registry.Org;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.store.events.EventsTable;
import io.xxgk.store.events.StoredEvent;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A dashboard test's own database on the real ClickHouse, its schema migrated as the aggregator
 * would, its own registry topic on the real Kafka, and the operator account it logs in with.
 */
public record DashboardTestServers(String database, String registryTopic, String password) {

    public static final String OPERATOR = "admin";

    public static DashboardTestServers create(String name) {
        return new DashboardTestServers(RealServers.uniqueName(name), RealServers.uniqueName("registry"), RealServers.uniqueName("pw"));
    }

    public void register(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("xxgk.clickhouse.database", this::database);
        registry.add("xxgk.registry.topic", this::registryTopic);
        registry.add("xxgk.dashboard.admin-user", () -> OPERATOR);
        registry.add("xxgk.dashboard.admin-password", this::password);
    }

    public ClickHouseProperties clickHouse() {
        return new ClickHouseProperties(RealServers.get().clickhouseUrl(), database, "default", "");
    }

    public void migrate() {
        new ClickHouseMigrations(clickHouse()).migrate();
    }

    /** Stores events as the aggregator would (its views fill the rollups). */
    public void store(List<StoredEvent> events) throws Exception {
        try (Client clickHouse = ClickHouseClients.builder(clickHouse()).setDefaultDatabase(database).build()) {
            new EventsTable(clickHouse, database).insert(events);
        }
    }

    /** One event of {@code org} at 10:00 China time on {@code day}, as the aggregator stores it. */
    public static StoredEvent event(String org, String id, String day, EventData data) {
        ZoneId zone = ZoneId.of(Org.DEFAULT_TIME_ZONE);
        return StoredEvent.of(org, "/t", id, LocalDate.parse(day).atTime(10, 0).atZone(zone).toOffsetDateTime(), zone, data);
    }

    /** An item published on the website or another channel, in checklist item {@code category} (null: none). */
    public static StoredEvent published(String org, String id, String day, String channel, Integer category) {
        return event(org, id, day, new EventData.ItemPublished(channel, id, null, category, null, false, null));
    }

    /** Registers orgs with the default channels. */
    public void orgs(String... ids) {
        try (RegistryWriter writer = writer()) {
            for (String id : ids) {
                writer.put(Org.withDefaultChannels(id, id + "大学"));
            }
        }
    }

    /** Registers a user; its password is its name repeated to ten characters or more. */
    public String user(String name, DashboardUser.Role role, String org) {
        String password = (name + "-password").repeat(2);
        try (RegistryWriter writer = writer()) {
            writer.put(new DashboardUser(name, new BCryptPasswordEncoder().encode(password), role, org, true, Instant.now()));
        }
        return password;
    }

    private RegistryWriter writer() {
        return new RegistryWriter(RealServers.get().kafkaBootstrap(), registryTopic);
    }

    /** The operator's client on the dashboard at {@code port}. */
    public DashboardClient client(int port) {
        return new DashboardClient(port, OPERATOR, password);
    }
}
