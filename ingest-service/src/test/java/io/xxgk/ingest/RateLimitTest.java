package io.xxgk.ingest;

import static io.xxgk.ingest.IngestClient.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.testing.RealServers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A token that has used its burst gets 429 with Retry-After for the whole batch; other tokens go on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"xxgk.ingest.rate-limit.events-per-second=1", "xxgk.ingest.rate-limit.burst=1000"})
class RateLimitTest extends IngestServerTest {

    private static final TestTenant TENANT = TestTenant.create();
    private static final String TOPIC = RealServers.uniqueName("events");
    private static final String BATCH = "application/cloudevents-batch+json";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TENANT.register(registry, TOPIC);
    }

    @Test
    void aTokenOverItsRateIsToldWhenToComeBackAndNothingOfTheBatchIsWritten() throws Exception {
        IngestClient client = new IngestClient(port);
        assertThat(client.post(BATCH, TENANT.full(), batch("burst", 1000)).statusCode()).isEqualTo(202);

        HttpResponse<String> over = client.post(BATCH, TENANT.full(), batch("over", 10));

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(over.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 11L);
        assertThat(over.body()).contains("/problems/rate-limited").contains("1 events a second");
        assertThat(client.post(BATCH, TENANT.websiteOnly(), batch("other-token", 5)).statusCode()).as("another token's bucket").isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TopicReader.keys(TOPIC)).hasSize(1005));
        assertThat(TopicReader.keys(TOPIC)).noneMatch(key -> key.contains("/over-"));
    }

    private static String batch(String prefix, int size) {
        return IntStream.range(0, size).mapToObj(i -> published(prefix + "-" + i, "website")).collect(Collectors.joining(",", "[", "]"));
    }
}
