package io.xxgk.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.testing.Promtool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so docker-compose.yml is kept honest by reading it: the images are the
 * releases the build pins, each service gets the port and the settings it really reads, everything
 * waits for what it needs to be healthy, and Prometheus' configuration and alert rules pass promtool.
 */
class ComposeFileTest {

    private static final Path REPO = LocalStack.REPO;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(REPO.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) services().get(name);
    }

    private static String pomProperty(String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(REPO.resolve("pom.xml")));
        assertThat(m.find()).as(name + " in pom.xml").isTrue();
        return m.group(1);
    }

    @Test
    void kafkaAndClickHouseAreTheReleasesTheBuildPins() throws IOException {
        assertThat(service("kafka").get("image")).isEqualTo(pomProperty("kafka.image"));
        assertThat(service("clickhouse").get("image")).isEqualTo(pomProperty("clickhouse.image"));
        assertThat(service("clickhouse-2").get("image")).isEqualTo(pomProperty("clickhouse.image"));
        assertThat(service("keeper").get("image")).isEqualTo(pomProperty("clickhouse-keeper.image"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClusterProfileIsTwoReplicasOfTheClusterTheMigrationsNameWithKeeper() throws IOException {
        String cluster = Files.readString(REPO.resolve("deploy/clickhouse/cluster.xml"));
        Map<String, Object> first = service("clickhouse");
        Map<String, Object> second = service("clickhouse-2");
        assertThat((List<String>) second.get("profiles")).containsExactly("cluster");
        assertThat(((Map<String, String>) first.get("environment")).get("REPLICA"))
                .isNotEqualTo(((Map<String, String>) second.get("environment")).get("REPLICA"));
        for (Map<String, Object> replica : List.of(first, second)) {
            assertThat((List<String>) replica.get("volumes")).contains("./deploy/clickhouse/cluster.xml:/etc/clickhouse-server/config.d/cluster.xml:ro");
            assertThat((Map<String, Object>) replica.get("depends_on")).containsKey("keeper");
        }
        // the cluster's replicas are these two services, and Keeper is where the keeper service listens
        assertThat(cluster).contains("<host>clickhouse</host><port>9000</port>", "<host>clickhouse-2</host><port>9000</port>",
                "<replica from_env=\"REPLICA\"/>", "<host>keeper</host><port>9181</port>");
        assertThat(Files.readString(REPO.resolve("deploy/clickhouse/keeper.xml"))).contains("<tcp_port>9181</tcp_port>");
        String clusterName = "xxgk";
        assertThat(cluster).contains("<" + clusterName + ">");
        for (String writer : List.of("aggregator", "aggregator-2")) {
            assertThat((Map<String, String>) service(writer).get("environment"))
                    .containsEntry("XXGK_CLICKHOUSE_CLUSTER", "${XXGK_CLICKHOUSE_CLUSTER:-}");
        }
        assertThat(Files.readString(REPO.resolve("docker-compose.yml"))).contains("XXGK_CLICKHOUSE_CLUSTER=" + clusterName);
    }

    @ParameterizedTest
    @CsvSource({"ingest, ingest-service", "aggregator, aggregator-service", "dashboard, dashboard", "aggregator-2, aggregator-service"})
    @SuppressWarnings("unchecked")
    void eachServiceIsBuiltFromItsModuleOnItsPortWithSettingsItReads(String name, String module) throws IOException {
        Map<String, Object> service = service(name);
        Map<String, Object> args = (Map<String, Object>) ((Map<String, Object>) service.get("build")).get("args");
        assertThat(args).containsEntry("MODULE", module);
        assertThat(REPO.resolve(module).resolve("pom.xml")).exists();

        Map<String, Object> environment = (Map<String, Object>) service.get("environment");
        String port = serverPort(module);
        assertThat(environment).containsEntry("SERVER_PORT", port);
        if (service.containsKey("ports")) {
            assertThat((List<String>) service.get("ports")).containsExactly(port + ":" + port);
        }
        Set<String> known = documentedProperties();
        for (String variable : environment.keySet()) {
            assertThat(known).as(variable + " binds to no documented property (README, Configuration)")
                    .contains(variable.toLowerCase(Locale.ROOT).replace("_", ""));
        }
        assertThat(service).containsKey("healthcheck");
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
        Set<String> names = services().keySet();
        assertThat(dependsOn).isNotEmpty().allSatisfy((other, condition) -> {
            assertThat(condition).containsEntry("condition", "service_healthy");
            assertThat(names).contains(other);
        });
    }

    @Test
    void prometheusScrapesEachServiceOnItsPortAndItsRulesPassPromtool() throws Exception {
        String config = Files.readString(REPO.resolve("deploy/prometheus/prometheus.yml"));
        assertThat(config).contains("ingest:" + serverPort("ingest-service"), "aggregator:" + serverPort("aggregator-service"),
                "dashboard:" + serverPort("dashboard"));

        Promtool.Result check = Promtool.checkConfig(REPO.resolve("deploy/prometheus/prometheus.yml"));

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 1 rule files found");
    }

    private static String serverPort(String module) throws IOException {
        Matcher m = Pattern.compile("(?m)^server:\\s*\\n\\s+port:\\s*(\\d+)")
                .matcher(Files.readString(REPO.resolve(module).resolve("src/main/resources/application.yaml")));
        assertThat(m.find()).as("server.port of " + module).isTrue();
        return m.group(1);
    }

    /** The README's configuration table, each property without dots and dashes (how relaxed binding matches variables). */
    private static Set<String> documentedProperties() throws IOException {
        Set<String> properties = new HashSet<>(Set.of("serverport"));
        for (String line : Files.readAllLines(REPO.resolve("README.md"))) {
            Matcher row = Pattern.compile("^\\| `([a-z0-9.-]+)`((?: / `\\.[a-z0-9.-]+`)*) \\|").matcher(line);
            if (row.find() && row.group(1).contains(".")) {
                String first = row.group(1);
                String base = first.substring(0, first.lastIndexOf('.'));
                properties.add(first.replaceAll("[.-]", ""));
                Matcher more = Pattern.compile("`(\\.[a-z0-9.-]+)`").matcher(row.group(2));
                while (more.find()) {
                    properties.add((base + more.group(1)).replaceAll("[.-]", ""));
                }
            }
        }
        return properties;
    }
}
