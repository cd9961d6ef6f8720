package io.xxgk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's retry rules against a scripted HTTP server (the real ingest is exercised by the
 * import and demo tests): which answers are retried, how long it waits, what it reports.
 */
class XxgkClientTest {

    private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
    private final List<String> bodies = new ArrayList<>();
    private final HttpServer server = start();

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/v1/events", exchange -> {
                synchronized (bodies) {
                    bodies.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                }
                int status = answers.isEmpty() ? 202 : answers.poll();
                if (status == 503) {
                    exchange.getResponseHeaders().add("Retry-After", "0");
                }
                byte[] body = (status == 202 ? "{\"accepted\":1}" : "{\"status\":" + status + ",\"detail\":\"no\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private XxgkClient client() {
        return XxgkClient.builder("http://127.0.0.1:" + server.getAddress().getPort() + "/", "xxgk_t_secret")
                .batchEvents(2).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).maxAttempts(4).build();
    }

    private static List<Event> events(int n) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(Events.itemViewed("website", "p" + i, 1).at(OffsetDateTime.parse("2024-03-01T09:00:00+08:00")).build());
        }
        return events;
    }

    @Test
    void unavailableAnswersAreRetriedWithTheSameBody() throws Exception {
        answers.addAll(List.of(503, 429, 202, 502));

        XxgkClient.Sent sent = client().send(events(3));

        assertThat(sent).isEqualTo(new XxgkClient.Sent(3, 5, 3));
        assertThat(bodies.get(0)).isEqualTo(bodies.get(2)).startsWith("Bearer xxgk_t_secret [");
    }

    @Test
    void aRefusalStopsAtOnceSayingWhatWasAcceptedBefore() {
        answers.addAll(List.of(202, 400));

        assertThatThrownBy(() -> client().send(events(5))).isInstanceOfSatisfying(IngestRefused.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.acceptedBefore()).isEqualTo(2);
            assertThat(e.problem()).contains("\"detail\":\"no\"");
        });
        assertThat(bodies).hasSize(2);
    }

    @Test
    void itGivesUpAfterItsAttemptsSayingSo() {
        answers.addAll(List.of(503, 503, 503, 503));

        assertThatThrownBy(() -> client().send(events(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("4 attempts").hasMessageContaining("last answer 503");
    }

    @Test
    void noServerIsRetriedThenReported() {
        server.stop(0);

        assertThatThrownBy(() -> client().send(events(1))).hasMessageContaining("no answer");
    }
}
