package io.xxgk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.DashboardUser;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.testing.RealServers;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Browser sessions follow their account: a disabled or demoted user's open session is refused on
 * its next request; a page's request without a session gets 401 and no password dialog; logins are
 * throttled; pages carry a content security policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsTest extends DashboardServerTest {

    private static final DashboardTestServers SERVERS = DashboardTestServers.create("sessions");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Override
    protected DashboardTestServers servers() {
        return SERVERS;
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SERVERS.register(registry);
    }

    @BeforeAll
    static void schema() {
        SERVERS.migrate();
        SERVERS.orgs("uni-s");
    }

    /** A browser: cookies kept, redirects not followed. */
    private record Browser(HttpClient http, int port) {
        static Browser open(int port) {
            return new Browser(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), port);
        }

        HttpResponse<String> get(String path, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> logIn(String user, String password) throws Exception {
            Matcher csrf = CSRF.matcher(get("/login", "Accept", "text/html").body());
            assertThat(csrf.find()).as("the login form has its CSRF token").isTrue();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void put(DashboardUser user) {
        try (RegistryWriter writer = new RegistryWriter(RealServers.get().kafkaBootstrap(), SERVERS.registryTopic())) {
            writer.put(user);
        }
    }

    private static DashboardUser user(String name, String password, Role role, boolean enabled) {
        return new DashboardUser(name, new BCryptPasswordEncoder().encode(password), role, "uni-s", enabled, Instant.now());
    }

    @Test
    void aDisabledUsersOpenSessionIsRefusedOnItsNextRequest() throws Exception {
        put(user("leaving", "leaving-password", Role.LEADER, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.registry().user("leaving").isPresent());
        Browser browser = Browser.open(port);
        assertThat(browser.logIn("leaving", "leaving-password").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .doesNotContain("error"));
        assertThat(browser.get("/api/v1/orgs/uni-s/overview?year=2024", "X-Requested-With", "xxgk-page").statusCode()).isEqualTo(200);

        put(user("leaving", "leaving-password", Role.LEADER, false));
        await().atMost(Duration.ofSeconds(20)).until(() -> !registry.registry().user("leaving").orElseThrow().enabled());

        HttpResponse<String> refused = browser.get("/api/v1/orgs/uni-s/overview?year=2024", "X-Requested-With", "xxgk-page");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).as("no password dialog for a page").isEmpty();
        assertThat(refused.body()).contains("login-required");
        assertThat(browser.get("/", "Accept", "text/html").headers().firstValue("Location"))
                .as("the session is gone: the page goes to the login form").hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aDemotedAdministratorsSessionEndsAtOnce() throws Exception {
        put(user("demoted", "demoted-password", Role.ADMIN, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.registry().user("demoted").isPresent());
        Browser browser = Browser.open(port);
        browser.logIn("demoted", "demoted-password");
        assertThat(browser.get("/api/v1/orgs/uni-s/tokens", "X-Requested-With", "xxgk-page").statusCode()).isEqualTo(200);

        put(user("demoted", "demoted-password", Role.LEADER, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.registry().user("demoted").orElseThrow().role() == Role.LEADER);

        assertThat(browser.get("/api/v1/orgs/uni-s/tokens", "X-Requested-With", "xxgk-page").statusCode()).isEqualTo(401);
        browser.logIn("demoted", "demoted-password");
        assertThat(browser.get("/api/v1/orgs/uni-s/tokens", "X-Requested-With", "xxgk-page").statusCode())
                .as("logged in again, as the LEADER it now is").isEqualTo(403);
    }

    @Test
    void scriptsStillGetTheBasicChallengeAndPagesCarryAContentSecurityPolicy() throws Exception {
        Browser script = Browser.open(port);
        HttpResponse<String> challenged = script.get("/api/v1/orgs/uni-s/overview?year=2024", "Accept", "application/json");
        assertThat(challenged.statusCode()).isEqualTo(401);
        assertThat(challenged.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));

        HttpResponse<String> login = script.get("/login", "Accept", "text/html");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void repeatedFailedLoginsAreThrottledWithAClearMessageTheRightPasswordToo() throws Exception {
        put(user("guessed", "guessed-password", Role.LEADER, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.registry().user("guessed").isPresent());
        Browser attacker = Browser.open(port);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.logIn("guessed", "wrong-" + i).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                    .contains("error"));
        }

        HttpResponse<String> locked = attacker.logIn("guessed", "guessed-password");
        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?locked="));
        HttpResponse<String> form = attacker.get("/login?locked=15", "Accept", "text/html");
        assertThat(form.statusCode()).as(form.headers().map().toString()).isEqualTo(200);
        assertThat(form.body()).contains("登录失败次数过多，请 15 分钟后再试。");
        HttpResponse<String> script = attacker.get("/api/v1/orgs/uni-s/overview?year=2024", "Authorization", "Basic "
                + Base64.getEncoder().encodeToString("guessed:guessed-password".getBytes(StandardCharsets.UTF_8)));
        assertThat(script.statusCode()).as("Basic is throttled too").isEqualTo(429);
        assertThat(script.headers().firstValue("Retry-After")).isPresent();
    }
}
