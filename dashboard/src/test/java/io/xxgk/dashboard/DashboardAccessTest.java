package io.xxgk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.testing.Promtool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Nobody sees a number without logging in; probes stay open for the orchestrator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardAccessTest {

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

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesNeedALogin() throws Exception {
        HttpResponse<String> browser = get("/", "text/html", null);
        HttpResponse<String> script = get("/", "application/json", null);
        HttpResponse<String> wrongPassword = get("/", "text/html", basic("admin", "nope"));

        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void theAdministratorSeesTheOverview() throws Exception {
        HttpResponse<String> page = get("/", "text/html", basic("admin", PASSWORD));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("信息公开统计");
    }

    @Test
    void healthIsOpenAndReportsClickHouse() throws Exception {
        HttpResponse<String> health = get("/actuator/health/readiness", "application/json", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"clickHouse\":{").contains("\"status\":\"UP\"");
    }

    @Test
    void metricsAreOpenAndPromtoolClean() throws Exception {
        get("/", "text/html", basic("admin", PASSWORD));

        HttpResponse<String> metrics = get("/actuator/prometheus", "text/plain", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(Promtool.check(metrics.body())).as("promtool check metrics").isEmpty();
    }

    private HttpResponse<String> get(String path, String accept, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
