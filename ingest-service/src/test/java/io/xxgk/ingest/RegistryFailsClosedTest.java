package io.xxgk.ingest;

import static io.xxgk.ingest.IngestClient.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.testing.RealServers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With its registry follower dead, ingest cannot know which tokens were revoked since: it refuses
 * every request with 503 (nothing stored, Retry-After) rather than trust what it last read, and
 * its readiness is DOWN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext   // its follower is stopped for good
class RegistryFailsClosedTest extends IngestServerTest {

    private static final TestTenant TENANT = TestTenant.create();
    private static final String TOPIC = RealServers.uniqueName("events");
    private static final String JSON = "application/cloudevents+json";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TENANT.register(registry, TOPIC);
    }

    @Test
    void aDeadFollowerRefusesEveryTokenTheRevokedOneTooAndTakesReadinessDown() throws Exception {
        IngestClient client = new IngestClient(port);
        assertThat(follower.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/actuator/health/readiness").statusCode() == 200);
        assertThat(client.post(JSON, TENANT.full(), published("before", "website")).statusCode()).isEqualTo(202);
        assertThat(client.post(JSON, TENANT.revoked(), published("revoked-before", "website")).statusCode()).isEqualTo(401);

        follower.close();

        for (String token : new String[] {TENANT.full(), TENANT.revoked()}) {
            HttpResponse<String> refused = client.post(JSON, token, published("after-" + token.hashCode(), "website"));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("registry-unavailable", "the registry follower stopped");
        }
        HttpResponse<String> readiness = client.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("DOWN");
        assertThat(TopicReader.keys(TOPIC)).noneMatch(key -> key.contains("/after-"));
    }
}
