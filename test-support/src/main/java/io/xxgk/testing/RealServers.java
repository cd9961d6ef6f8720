package io.xxgk.testing;

import io.xxgk.stack.Stack;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackHome;
import io.xxgk.stack.Versions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The real Kafka broker and ClickHouse server every integration test talks to, started once per
 * test run and shared. With {@code -Pcontainers} they are always the official images
 * ({@link ContainersOnly}). Otherwise they come from, in order:
 * <ol>
 *   <li>the servers {@code ./xxgk test} started for the whole run ({@code XXGK_TEST_STACK_ENV});</li>
 *   <li>the official images through Testcontainers, where a Docker engine runs
 *       (unless {@code -Dxxgk.test.servers=local});</li>
 *   <li>otherwise local processes (the same ones {@code ./xxgk up} runs), started for this JVM.</li>
 * </ol>
 * The tests are the same code either way. Each test keeps to its own topic and database
 * ({@link #uniqueName}), so sharing the servers never mixes their data.
 */
public final class RealServers {

    /** Addresses of the two servers. */
    public record Endpoints(String kafkaBootstrap, String clickhouseUrl, String origin) {
    }

    private static Endpoints endpoints;

    private RealServers() {
    }

    public static synchronized Endpoints get() {
        if (endpoints == null) {
            endpoints = start();
        }
        return endpoints;
    }

    /** Points a Spring Boot test at the servers. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> get().kafkaBootstrap());
        registry.add("xxgk.clickhouse.url", () -> get().clickhouseUrl());
    }

    /** A name no other test uses, for a topic or a database ({@code [a-z0-9_]}). */
    public static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The checkout this test runs in. */
    public static Path repo() {
        return StackHome.findRepo(Path.of(System.getProperty("xxgk.root", ".")));
    }

    /** {@code local}: local processes even where Docker runs; {@code containers}: the official images only (see {@link ContainersOnly}). */
    public static final String SERVERS_PROPERTY = "xxgk.test.servers";

    private static Endpoints start() {
        if (ContainersOnly.MODE.equals(System.getProperty(SERVERS_PROPERTY))) {
            return containers();
        }
        String shared = System.getenv("XXGK_TEST_STACK_ENV");
        if (shared != null && Files.exists(Path.of(shared))) {
            StackEnv env = StackEnv.load(Path.of(shared));
            return new Endpoints(env.get("KAFKA_BOOTSTRAP"), env.get("CLICKHOUSE_URL"), "shared run servers " + shared);
        }
        if (!"local".equals(System.getProperty(SERVERS_PROPERTY)) && DockerClientFactory.instance().isDockerAvailable()) {
            return containers();
        }
        return localProcesses();
    }

    @SuppressWarnings("resource") // they live as long as the JVM; Testcontainers' reaper removes them
    private static Endpoints containers() {
        Versions versions = Versions.load();
        KafkaContainer kafka = new KafkaContainer(versions.kafkaImage());
        ClickHouseContainer clickhouse = new ClickHouseContainer(versions.clickhouseImage());
        kafka.start();
        clickhouse.start();
        return new Endpoints(kafka.getBootstrapServers(),
                "http://" + clickhouse.getHost() + ":" + clickhouse.getMappedPort(8123), "Testcontainers");
    }

    private static Endpoints localProcesses() {
        Path state = repo().resolve(".local").resolve("test-jvm-" + ProcessHandle.current().pid());
        StackHome home = StackHome.of(repo(), state);
        Stack stack = Stack.servers(home);
        PrintStream out = System.out;
        StackEnv env = stack.up(out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.down(out);
            deleteQuietly(home);
        }, "stop-test-servers"));
        return new Endpoints(env.get("KAFKA_BOOTSTRAP"), env.get("CLICKHOUSE_URL"), "local processes in " + state);
    }

    static void deleteQuietly(StackHome home) {
        try {
            home.deleteState();
        } catch (java.io.UncheckedIOException ignored) {
            // a leftover folder under .local is harmless
        }
    }
}
