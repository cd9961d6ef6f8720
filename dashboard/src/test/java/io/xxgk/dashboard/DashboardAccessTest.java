package io.xxgk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.testing.Promtool;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Nobody sees a number without logging in; probes stay open for the orchestrator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardAccessTest extends DashboardServerTest {

    private static final DashboardTestServers SERVERS = DashboardTestServers.create("dash");
    private static final String PASSWORD = SERVERS.password();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SERVERS.register(registry);
    }

    @BeforeAll
    static void schema() {
        SERVERS.migrate();
    }

    @Override
    protected DashboardTestServers servers() {
        return SERVERS;
    }

    @Test
    void pagesNeedALogin() throws Exception {
        HttpResponse<String> browser = get("/", "text/html", null, null);
        HttpResponse<String> script = get("/", "application/json", null, null);
        HttpResponse<String> wrongPassword = get("/", "text/html", "admin", "nope");

        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void theAdministratorSeesTheOverview() throws Exception {
        HttpResponse<String> page = get("/", "text/html", "admin", PASSWORD);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("信息公开统计");
    }

    @Test
    void healthIsOpenAndReportsClickHouse() throws Exception {
        // ready once the registry is read and ClickHouse answers, which may take a moment after start
        HttpResponse<String> health = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/actuator/health/readiness", "application/json", null, null), h -> h.statusCode() == 200);

        assertThat(health.body()).contains("\"clickHouse\":{").contains("\"status\":\"UP\"");
    }

    @Test
    void metricsAreOpenAndPromtoolClean() throws Exception {
        get("/", "text/html", "admin", PASSWORD);

        HttpResponse<String> metrics = get("/actuator/prometheus", "text/plain", null, null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(Promtool.check(metrics.body())).as("promtool check metrics").isEmpty();
    }

    private HttpResponse<String> get(String path, String accept, String user, String password) throws Exception {
        return SERVERS.client(port).as(user, password).get(path, accept);
    }
}
