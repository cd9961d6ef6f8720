package io.xxgk.dashboard;

import com.clickhouse.client.api.Client;
import com.clickhouse.data.ClickHouseFormat;
import io.xxgk.registry.DashboardUser;
import io.xxgk.registry.Org;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
        new ClickHouseMigrations(clickHouse()).afterPropertiesSet();
    }

    /** Stores rows of {@code events} as the aggregator would (its views fill the rollups). */
    public void store(List<String> rows) throws Exception {
        try (Client clickHouse = ClickHouseClients.builder(clickHouse()).setDefaultDatabase(database).build()) {
            clickHouse.insert("events", new ByteArrayInputStream(String.join("\n", rows).getBytes(StandardCharsets.UTF_8)),
                    ClickHouseFormat.JSONEachRow).get().close();
        }
    }

    /** One stored event as a JSONEachRow row; {@code columns} adds more (",\"views\":3"). */
    public static String event(String org, String id, String type, String day, String channel, String item, String columns) {
        return "{\"org\":\"%s\",\"key\":\"%s\",\"source\":\"/t\",\"id\":\"%s\",\"type\":\"%s\",\"time\":\"%s 02:00:00\",\"day\":\"%s\",\"channel\":\"%s\",\"item\":\"%s\"%s}"
                .formatted(org, UUID.nameUUIDFromBytes((org + "/" + id).getBytes(StandardCharsets.UTF_8)), id, type, day, day, channel, item, columns);
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
