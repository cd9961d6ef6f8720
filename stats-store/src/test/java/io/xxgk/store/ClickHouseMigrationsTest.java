package io.xxgk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import org.junit.jupiter.api.Test;

class ClickHouseMigrationsTest {

    @Test
    void splitsScriptsIntoStatementsAtLineEndSemicolonsAndDropsComments() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE a (s String DEFAULT 'x;y');
                CREATE TABLE b (n UInt8)
                ENGINE = Memory;
                """;

        assertThat(ClickHouseMigrations.statements(script)).containsExactly(
                "CREATE TABLE a (s String DEFAULT 'x;y')",
                "CREATE TABLE b (n UInt8)\nENGINE = Memory");
    }

    @Test
    void scriptsAreFoundInVersionOrder() throws Exception {
        assertThat(ClickHouseMigrations.load()).extracting(ClickHouseMigrations.Migration::version)
                .isNotEmpty().isSorted().doesNotHaveDuplicates();
    }

    @Test
    void appliesEveryMigrationOnceOnARealServer() {
        String database = RealServers.uniqueName("migrations");
        ClickHouseProperties properties = new ClickHouseProperties(RealServers.get().clickhouseUrl(), database, "default", "");

        new ClickHouseMigrations(properties).migrate();
        new ClickHouseMigrations(properties).migrate();

        try (Client client = ClickHouseClients.builder(properties).setDefaultDatabase(database).build()) {
            assertThat(client.queryAll("SELECT version, count() AS n FROM schema_migrations GROUP BY version"))
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row.getLong("n")).as("times applied").isEqualTo(1));
            assertThat(client.queryAll("SELECT name FROM system.tables WHERE database = currentDatabase()"))
                    .extracting(row -> row.getString("name")).contains("events").doesNotContain("events_raw");
        }
    }

    @Test
    void aNewRollupStartsWithTheEventsAlreadyStored() throws Exception {
        String database = RealServers.uniqueName("upgrade");
        ClickHouseProperties properties = new ClickHouseProperties(RealServers.get().clickhouseUrl(), database, "default", "");
        new ClickHouseMigrations(properties).migrate();
        try (Client client = ClickHouseClients.builder(properties).setDefaultDatabase(database).build()) {
            client.query("INSERT INTO events (org, key, source, id, type, time, day, channel, item) VALUES "
                    + "('o', generateUUIDv4(), '/t', '1', 'xxgk.item.published', '2024-05-01 01:00:00', '2024-05-01', 'website', 'a')")
                    .get().close();
            // as if the rollup were new: empty, and its migration not yet applied
            client.query("TRUNCATE TABLE item_publications").get().close();
            client.query("DELETE FROM schema_migrations WHERE version = 4").get().close();

            new ClickHouseMigrations(properties).migrate();

            assertThat(client.queryAll("SELECT item FROM item_publications")).extracting(r -> r.getString("item")).containsExactly("a");
        }
    }
}
