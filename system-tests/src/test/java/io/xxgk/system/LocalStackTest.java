package io.xxgk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackKeys;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./xxgk} as a user runs it: demo (up + sample events), tokens, crash and restart, a port
 * taken by someone else, down. One stack in its own folder, so a developer's running stack is not touched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackTest {

    private static final List<String> COMPONENTS = List.of("kafka", "clickhouse", "ingest", "aggregator", "dashboard");
    private static final LocalStack STACK = new LocalStack();

    @Test
    @Order(1)
    void demoStartsEverythingHealthyAndTheSampleEventsReachClickHouse() throws Exception {
        LocalStack.Run demo = STACK.xxgk("demo");

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("sent a demo university's", "all accepted: true", "each once").contains("dashboard: http://127.0.0.1:");
        Matcher stored = Pattern.compile("(\\d+) distinct events of org demo stored").matcher(demo.output());
        assertThat(stored.find()).as(demo.output()).isTrue();
        demoEvents = Long.parseLong(stored.group(1));
        assertThat(demoEvents).as("two years of a university's channels").isGreaterThan(10_000);
        StackEnv env = STACK.env();
        for (String key : List.of("INGEST_URL", "AGGREGATOR_URL", "DASHBOARD_URL", "DEMO_ORG", "DEMO_TOKEN",
                "DASHBOARD_USER", "DASHBOARD_PASSWORD", "KAFKA_BOOTSTRAP", "CLICKHOUSE_URL")) {
            assertThat(env.find(key)).as(key).isPresent();
        }
        for (String name : COMPONENTS) {
            assertThat(STACK.pid(name)).as(name + " pid file").isPositive();
        }
        assertThat(STACK.xxgk("status").exitCode()).as("status: all healthy").isZero();
        assertThat(demoEventsInClickHouse()).isEqualTo(demoEvents);
    }

    @Test
    @Order(2)
    void filesAreImportedOnceAndTheReportHasTheirTotals() throws Exception {
        Path samples = LocalStack.REPO.resolve("importers/src/test/resources/samples");
        String spreadsheet = samples.resolve("items-2023.csv").toString();

        LocalStack.Run refused = STACK.xxgk("import", "spreadsheet", spreadsheet);
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("items-2023.csv:7: ", "nothing imported: 5 bad rows");

        for (int run = 1; run <= 2; run++) {
            LocalStack.Run imported = STACK.xxgk("import", "spreadsheet", spreadsheet, "--skip-bad-rows");
            assertThat(imported.exitCode()).as(imported.output()).isZero();
            assertThat(imported.output()).contains("imported 5 events from 10 rows");
            assertThat(STACK.xxgk("import", "wechat-datacube", samples.resolve("getarticlesummary.json").toString(),
                    samples.resolve("getusercumulate.json").toString(), samples.resolve("freepublish.json").toString(),
                    "--skip-bad-rows").exitCode()).isZero();
            assertThat(STACK.xxgk("import", "access-log", samples.resolve("access.log").toString(), "--skip-bad-rows").exitCode()).isZero();
            assertThat(STACK.xxgk("import", "running-totals", samples.resolve("weibo-totals.csv").toString(), "--skip-bad-rows")
                    .exitCode()).isZero();

            // the totals computed from the files by hand (ImportersTest), whether imported once or twice
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(STACK.report("year=2023")).contains("\"items\":5,");
                String year2024 = STACK.report("year=2024");
                assertThat(year2024).contains("\"channel\":\"wechat\",\"name\":\"微信公众号\",\"items\":3,\"originalItems\":0,\"views\":4820,"
                        + "\"readers\":3500,\"followers\":78000");
                // (the token test may add a website item of 2024: only the views are the log's)
                assertThat(year2024).containsPattern("\"channel\":\"website\",\"name\":\"学校官网\",\"items\":\\d+,\"originalItems\":0,\"views\":5,");
                assertThat(year2024).contains("\"channel\":\"weibo\",\"name\":\"微博\",\"items\":0,\"originalItems\":0,\"views\":18500,");
            });
        }
    }

    @Test
    @Order(2)
    void tokensAreCreatedListedAndRevokedFromTheCommandLine() throws Exception {
        LocalStack.Run create = STACK.xxgk("token", "create", "--org", "demo", "--channels", "website", "--label", "cms");

        assertThat(create.exitCode()).as(create.output()).isZero();
        String token = create.output().strip().lines().toList().getLast();
        String id = token.split("_")[1];
        assertThat(token).matches("xxgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(post(token, "website").statusCode()).isEqualTo(202);
        assertThat(post(token, "wechat").statusCode()).isEqualTo(403);
        assertThat(STACK.xxgk("token", "list", "--org", "demo").output()).contains(id).contains("active").doesNotContain(token);

        assertThat(STACK.xxgk("token", "revoke", id).exitCode()).isZero();

        await().atMost(Duration.ofSeconds(10)).until(() -> post(token, "website").statusCode() == 401);
        assertThat(STACK.xxgk("token", "list").output()).contains("revoked");
        LocalStack.Run unknownChannel = STACK.xxgk("token", "create", "--org", "demo", "--channels", "tiktok");
        assertThat(unknownChannel.exitCode()).isEqualTo(1);
        assertThat(unknownChannel.output()).contains("has no channel [tiktok]");

        // the bearer string a leak shows revokes too; one whose secret does not match revokes nothing
        String leaked = STACK.xxgk("token", "create", "--org", "demo", "--channels", "website").output().strip().lines().toList().getLast();
        String forged = leaked.substring(0, leaked.length() - 4) + "AAAA";
        LocalStack.Run wrong = STACK.xxgk("token", "revoke", forged);
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.output()).contains("no token with this bearer string");
        assertThat(STACK.xxgk("token", "revoke", leaked).exitCode()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> post(leaked, "website").statusCode() == 401);
    }

    @Test
    @Order(3)
    void noSecretIsInALogAMetricOrACommandLine() throws Exception {
        StackEnv env = STACK.env();
        String token = env.get(StackKeys.DEMO_TOKEN);
        String wrongBearer = "xxgk_" + token.split("_")[1] + "_WrongSecretOfTheTokenTest0000000000000000000";
        String wrongPassword = "wrong-password-of-the-secrets-test";
        // failed attempts are where a careless log line would print what was tried
        assertThat(STACK.postEvents(wrongBearer, "application/cloudevents+json", "{}").statusCode()).isEqualTo(401);
        assertThat(STACK.dashboardGet("/api/v1/orgs/demo/report?year=2024", env.get(StackKeys.DASHBOARD_USER), wrongPassword).statusCode())
                .isEqualTo(401);
        // xxgk_<id>_<secret>: the secret is base64url, so it may have a '_' of its own
        String[] secrets = {token, token.split("_", 3)[2], env.get(StackKeys.DASHBOARD_PASSWORD),
            wrongBearer, wrongPassword};

        for (String name : COMPONENTS) {
            assertThat(Files.readString(STACK.state().resolve("logs").resolve(name + ".log"))).as(name + " log").doesNotContain(secrets);
        }
        for (String url : List.of(env.get(StackKeys.INGEST_URL), env.get(StackKeys.AGGREGATOR_URL), env.get(StackKeys.DASHBOARD_URL))) {
            assertThat(STACK.get(url + "/actuator/prometheus").body()).as(url + " metrics").doesNotContain(secrets);
            assertThat(STACK.get(url + "/actuator/env").statusCode()).as(url + " configuration is not served").isIn(401, 404);
            assertThat(STACK.get(url + "/actuator/heapdump").statusCode()).as(url + " memory is not served").isIn(401, 404);
        }
        assertThat(STACK.processes()).isNotEmpty().allSatisfy(p -> assertThat(p.info().commandLine().orElse("")).doesNotContain(secrets));
    }

    @Test
    @Order(4)
    void upBringsBackKilledProcessesOnTheSamePortsWithTheirData() throws Exception {
        Map<String, String> before = STACK.env().asMap();
        List<Long> killed = new ArrayList<>();
        for (String name : List.of("kafka", "clickhouse", "ingest")) {
            long pid = STACK.pid(name);
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            killed.add(pid);
        }
        assertThat(STACK.xxgk("status").exitCode()).as("status notices").isEqualTo(1);

        LocalStack.Run up = STACK.xxgk("up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("aggregator  running").contains("kafka       starting");
        assertThat(STACK.env().asMap()).isEqualTo(before);
        assertThat(List.of(STACK.pid("kafka"), STACK.pid("clickhouse"), STACK.pid("ingest"))).doesNotContainAnyElementsOf(killed);
        assertThat(demoEventsInClickHouse()).as("data kept").isEqualTo(demoEvents);
        // the whole path works again: the same events re-sent count once
        assertThat(STACK.xxgk("demo").exitCode()).isZero();
        assertThat(demoEventsInClickHouse()).isEqualTo(demoEvents);
    }

    @Test
    @Order(5)
    void downLeavesNoProcessBehind() throws Exception {
        LocalStack.Run down = STACK.xxgk("down");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(STACK.processes()).isEmpty();
        assertThat(STACK.xxgk("status").exitCode()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aPortTakenByAnotherProgramIsNamed() throws Exception {
        int port = STACK.env().port("INGEST_PORT");
        try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            LocalStack.Run up = STACK.xxgk("up");

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.output()).contains("port " + port + " (INGEST_PORT, for ingest) is taken by another program");
        } finally {
            STACK.xxgk("down");
        }
        assertThat(STACK.processes()).isEmpty();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        STACK.close();
    }

    /** What the first demo stored: the same whatever happens after. */
    private static long demoEvents;

    private HttpResponse<String> post(String token, String channel) throws Exception {
        return STACK.postItem(token, channel);
    }

    private long demoEventsInClickHouse() {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                () -> STACK.events(events -> events.distinctEvents("demo", "/demo/university")), n -> n >= 0);
    }
}
