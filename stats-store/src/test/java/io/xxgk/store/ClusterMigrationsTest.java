package io.xxgk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import io.xxgk.stack.StackHome;
import io.xxgk.stack.Versions;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * The docker-compose cluster profile's ClickHouse (Keeper and two replicas, with the very
 * configuration files compose mounts) and the migrations run ON CLUSTER through one replica: both
 * replicas get every table, replicated; an event stored on one is in the other's rollups; a rollup
 * rebuild on one replica leaves both exact. Needs a Docker engine (the official images), so it is
 * skipped where none runs, like here; {@link ClusterDdlTest} checks the cluster DDL everywhere.
 */
@EnabledIf(value = "dockerRuns", disabledReason = "the ClickHouse cluster runs on the official images, and no Docker engine runs here")
class ClusterMigrationsTest {

    private static final Path DEPLOY = StackHome.findRepo(Path.of(System.getProperty("xxgk.root", "."))).resolve("deploy/clickhouse");
    private static final String PASSWORD = "cluster-test";
    private static final Network NETWORK = Network.newNetwork();
    private static final Versions VERSIONS = Versions.load();
    private static GenericContainer<?> keeper;
    private static GenericContainer<?> first;
    private static GenericContainer<?> second;

    static boolean dockerRuns() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @BeforeAll
    static void cluster() {
        keeper = new GenericContainer<>(VERSIONS.clickhouseKeeperImage()).withNetwork(NETWORK).withNetworkAliases("keeper")
                .withCopyFileToContainer(MountableFile.forHostPath(DEPLOY.resolve("keeper.xml")), "/etc/clickhouse-keeper/keeper_config.xml")
                .withExposedPorts(9181).waitingFor(Wait.forListeningPort());
        keeper.start();
        first = replica("clickhouse", "clickhouse-1");
        second = replica("clickhouse-2", "clickhouse-2");
        first.start();
        second.start();
    }

    private static GenericContainer<?> replica(String host, String name) {
        return new GenericContainer<>(VERSIONS.clickhouseImage()).withNetwork(NETWORK).withNetworkAliases(host)
                .withCreateContainerCmdModifier(cmd -> cmd.withHostName(host))
                .withEnv(Map.of("REPLICA", name, "CLICKHOUSE_USER", "default", "CLICKHOUSE_PASSWORD", PASSWORD))
                .withCopyFileToContainer(MountableFile.forHostPath(DEPLOY.resolve("cluster.xml")), "/etc/clickhouse-server/config.d/cluster.xml")
                .withExposedPorts(8123).waitingFor(Wait.forHttp("/ping").forPort(8123).withStartupTimeout(Duration.ofMinutes(2)));
    }

    @AfterAll
    static void stop() {
        for (GenericContainer<?> container : new GenericContainer<?>[] {second, first, keeper}) {
            if (container != null) {
                container.stop();
            }
        }
        NETWORK.close();
    }

    private static ClickHouseProperties properties(GenericContainer<?> replica) {
        return new ClickHouseProperties("http://" + replica.getHost() + ":" + replica.getMappedPort(8123), "xxgk", "default", PASSWORD, "", "xxgk");
    }

    @Test
    void theMigrationsBuildTheSameReplicatedSchemaOnEveryReplicaAndCountsAgreeThere() throws Exception {
        new ClickHouseMigrations(properties(first)).migrate();
        new ClickHouseMigrations(properties(first)).migrate();

        try (Client one = client(first); Client two = client(second)) {
            Map<String, String> tables = tables(one);
            assertThat(tables(two)).as("the second replica has every table and view").isEqualTo(tables);
            assertThat(tables).containsKeys("events", "item_daily", "item_publications_mv", "schema_migrations").doesNotContainKey("events_raw");
            tables.forEach((name, engine) -> assertThat(engine).as(name)
                    .satisfiesAnyOf(e -> assertThat(e).startsWith("Replicated"), e -> assertThat(e).isEqualTo("MaterializedView")));

            one.query("INSERT INTO events (org, key, source, id, type, time, day, channel, item) VALUES "
                    + "('o', generateUUIDv4(), '/t', '1', 'xxgk.item.published', '2024-05-01 01:00:00', '2024-05-01', 'website', 'a')")
                    .join().close();
            new Rollups(one, "xxgk").rebuild(2024);
            two.query("SYSTEM SYNC REPLICA item_publications").join().close();

            List<GenericRecord> rows = two.queryAll("SELECT item, count() AS n FROM item_publications FINAL GROUP BY item");
            assertThat(rows).extracting(r -> r.getString("item") + "=" + r.getLong("n")).containsExactly("a=1");
        }
    }

    private static Client client(GenericContainer<?> replica) {
        return ClickHouseClients.builder(properties(replica)).setDefaultDatabase("xxgk").build();
    }

    private static Map<String, String> tables(Client client) {
        Map<String, String> tables = new TreeMap<>();
        client.queryAll("SELECT name, engine FROM system.tables WHERE database = 'xxgk'")
                .forEach(r -> tables.put(r.getString("name"), r.getString("engine")));
        return tables;
    }
}
