package io.xxgk.ingest;

import static io.xxgk.ingest.IngestClient.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.testing.DedicatedKafka;
import io.xxgk.testing.RealServers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The broker stops mid-test: ingest answers 503 within bounds and accepts nothing, then recovers by itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class KafkaOutageTest extends IngestServerTest {

    private static final DedicatedKafka KAFKA = new DedicatedKafka();
    private static final TestTenant TENANT = TestTenant.create(KAFKA.bootstrap());
    private static final String TOPIC = RealServers.uniqueName("events");
    private static final String SINGLE = "application/cloudevents+json";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrap);
        registry.add("xxgk.ingest.topic", () -> TOPIC);
        registry.add("xxgk.registry.topic", TENANT::registryTopic);
    }

    @AfterAll
    static void stopBroker() {
        KAFKA.close();
    }

    @Test
    void answers503WhileKafkaIsDownAndAcceptsAgainWhenItReturns() throws Exception {
        IngestClient client = new IngestClient(port);
        assertThat(client.post(SINGLE, TENANT.full(), published("before", "website")).statusCode()).isEqualTo(202);

        KAFKA.stop();
        long start = System.nanoTime();
        HttpResponse<String> down = client.post(SINGLE, TENANT.full(), published("during", "website"));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(down.body()).contains("nothing was accepted");
        assertThat(waited).as("bounded wait").isLessThan(Duration.ofSeconds(20));

        KAFKA.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                client.post(SINGLE, TENANT.full(), published("after", "website")).statusCode() == 202);

        String prefix = TENANT.org() + "//test/cms/";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                TopicReader.readAll(KAFKA.bootstrap(), TOPIC).stream().map(ConsumerRecord::key).toList())
                .contains(prefix + "before", prefix + "after").doesNotContain(prefix + "during"));
    }
}
