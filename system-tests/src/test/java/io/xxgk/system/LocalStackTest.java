package io.xxgk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackHome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./xxgk} as a user runs it: demo (up + sample events), crash and restart, a port taken by
 * someone else, down. One stack in its own folder, so a developer's running stack is not touched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackTest {

    private static final List<String> COMPONENTS = List.of("kafka", "clickhouse", "ingest", "aggregator", "dashboard");
    private static final Path REPO = StackHome.findRepo(Path.of(System.getProperty("xxgk.root", ".")));
    private static final Path STATE = REPO.resolve(".local").resolve("system-test-" + UUID.randomUUID().toString().substring(0, 8));

    private final HttpClient http = HttpClient.newHttpClient();

    record Run(int exitCode, String output) {
    }

    @Test
    @Order(1)
    void demoStartsEverythingHealthyAndTheSampleEventsReachClickHouse() throws Exception {
        Run demo = xxgk("demo");

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("sent 6 sample events: 202").contains("dashboard: http://127.0.0.1:");
        StackEnv env = env();
        for (String key : List.of("INGEST_URL", "AGGREGATOR_URL", "DASHBOARD_URL", "DEMO_ORG", "DEMO_TOKEN",
                "DASHBOARD_USER", "DASHBOARD_PASSWORD", "KAFKA_BOOTSTRAP", "CLICKHOUSE_URL")) {
            assertThat(env.find(key)).as(key).isPresent();
        }
        for (String name : COMPONENTS) {
            assertThat(pid(name)).as(name + " pid file").isPositive();
        }
        assertThat(xxgk("status").exitCode()).as("status: all healthy").isZero();
        assertThat(demoEventsInClickHouse()).isEqualTo(6);
    }

    @Test
    @Order(2)
    void tokensAreCreatedListedAndRevokedFromTheCommandLine() throws Exception {
        Run create = xxgk("token", "create", "--org", "demo", "--channels", "website", "--label", "cms");

        assertThat(create.exitCode()).as(create.output()).isZero();
        String token = create.output().strip().lines().toList().getLast();
        String id = token.split("_")[1];
        assertThat(token).matches("xxgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(post(token, "website").statusCode()).isEqualTo(202);
        assertThat(post(token, "wechat").statusCode()).isEqualTo(403);
        assertThat(xxgk("token", "list", "--org", "demo").output()).contains(id).contains("active").doesNotContain(token);

        assertThat(xxgk("token", "revoke", id).exitCode()).isZero();

        await().atMost(Duration.ofSeconds(10)).until(() -> post(token, "website").statusCode() == 401);
        assertThat(xxgk("token", "list").output()).contains("revoked");
        Run unknownChannel = xxgk("token", "create", "--org", "demo", "--channels", "tiktok");
        assertThat(unknownChannel.exitCode()).isEqualTo(1);
        assertThat(unknownChannel.output()).contains("has no channel [tiktok]");
    }

    private HttpResponse<String> post(String token, String channel) throws Exception {
        String event = ("{\"specversion\":\"1.0\",\"id\":\"cli-%s\",\"source\":\"/system-test\",\"type\":\"xxgk.item.published\","
                + "\"time\":\"2024-03-01T09:00:00+08:00\",\"data\":{\"channel\":\"%s\",\"itemId\":\"cli-1\"}}")
                .formatted(UUID.randomUUID(), channel);
        return http.send(HttpRequest.newBuilder(URI.create(env().get("INGEST_URL") + "/v1/events"))
                .header("Content-Type", "application/cloudevents+json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(3)
    void upBringsBackKilledProcessesOnTheSamePortsWithTheirData() throws Exception {
        Map<String, String> before = env().asMap();
        List<Long> killed = new ArrayList<>();
        for (String name : List.of("kafka", "clickhouse", "ingest")) {
            long pid = pid(name);
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            killed.add(pid);
        }
        assertThat(xxgk("status").exitCode()).as("status notices").isEqualTo(1);

        Run up = xxgk("up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("aggregator  running").contains("kafka       starting");
        assertThat(env().asMap()).isEqualTo(before);
        assertThat(List.of(pid("kafka"), pid("clickhouse"), pid("ingest"))).doesNotContainAnyElementsOf(killed);
        assertThat(demoEventsInClickHouse()).as("data kept").isEqualTo(6);
        // the whole path works again: the same events re-sent count once
        assertThat(xxgk("demo").exitCode()).isZero();
        assertThat(demoEventsInClickHouse()).isEqualTo(6);
    }

    @Test
    @Order(4)
    void downLeavesNoProcessBehind() throws Exception {
        Run down = xxgk("down");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(ourProcesses()).isEmpty();
        assertThat(xxgk("status").exitCode()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aPortTakenByAnotherProgramIsNamed() throws Exception {
        int port = env().port("INGEST_PORT");
        try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            Run up = xxgk("up");

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.output()).contains("port " + port + " (INGEST_PORT, for ingest) is taken by another program");
        } finally {
            xxgk("down");
        }
        assertThat(ourProcesses()).isEmpty();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        xxgk("down");
        try (var paths = Files.walk(STATE)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Run xxgk(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("xxgk").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--state", STATE.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(REPO.toFile()).redirectErrorStream(true);
        builder.environment().put("XXGK_SKIP_BUILD", "1");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("./xxgk " + String.join(" ", args) + " finished").isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static StackEnv env() {
        return StackEnv.load(STATE.resolve("stack.env"));
    }

    private static long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(STATE.resolve("run").resolve(name + ".pid")).trim());
    }

    private static List<ProcessHandle> ourProcesses() {
        String marker = "@" + STATE;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("-Dxxgk.process=") && c.contains(marker)).orElse(false))
                .toList();
    }

    private long demoEventsInClickHouse() {
        String query = "SELECT count() FROM xxgk.events FINAL WHERE org = 'demo' AND source = '/demo/sample'";
        URI uri = URI.create(env().get("CLICKHOUSE_URL") + "/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        long[] count = new long[1];
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            count[0] = Long.parseLong(reply.body().trim());
            return reply.statusCode() == 200;
        });
        return count[0];
    }
}
