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

/**
 * Past what its committers take, ingest refuses at once (503 overloaded, Retry-After) instead of
 * queueing requests to time out; nothing of a refused request is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xxgk.ingest.max-queued-events=5")
class OverloadTest extends IngestServerTest {

    private static final TestTenant TENANT = TestTenant.create();
    private static final String TOPIC = RealServers.uniqueName("events");
    private static final String BATCH = "application/cloudevents-batch+json";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TENANT.register(registry, TOPIC);
    }

    @Test
    void eventsBeyondWhatMayWaitAreRefusedAtOnceAndNotWritten() throws Exception {
        IngestClient client = new IngestClient(port);
        assertThat(client.post(BATCH, TENANT.full(), batch("fits", 5)).statusCode()).isEqualTo(202);

        long start = System.nanoTime();
        HttpResponse<String> refused = client.post(BATCH, TENANT.full(), batch("over", 10));
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.body()).contains("/problems/overloaded", "nothing was accepted");
        assertThat(answeredIn).as("refused, not queued").isLessThan(Duration.ofMillis(500));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TopicReader.keys(TOPIC)).hasSize(5));
        assertThat(TopicReader.keys(TOPIC)).noneMatch(key -> key.contains("/over-"));
    }

    private static String batch(String prefix, int size) {
        return IntStream.range(0, size).mapToObj(i -> published(prefix + "-" + i, "website")).collect(Collectors.joining(",", "[", "]"));
    }
}
