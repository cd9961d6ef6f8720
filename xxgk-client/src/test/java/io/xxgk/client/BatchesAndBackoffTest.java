package io.xxgk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchesAndBackoffTest {

    private static List<Event> events(int n, int titleLength) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(Events.itemPublished("website", "n" + i).title("标".repeat(titleLength))
                    .at(OffsetDateTime.parse("2024-03-01T09:00:00+08:00")).build());
        }
        return events;
    }

    @Test
    void batchesKeepToTheEventLimitAndLoseNothing() {
        List<Batches.Body> bodies = Batches.split(events(2501, 5), 1000, XxgkClient.MAX_BATCH_BYTES);

        assertThat(bodies).extracting(Batches.Body::events).containsExactly(1000, 1000, 501);
    }

    @Test
    void batchesKeepToTheByteLimit() {
        List<Batches.Body> bodies = Batches.split(events(600, 900), 1000, 1 << 20);   // ~2.9 KB each, 1.7 MB in all

        assertThat(bodies).allSatisfy(b -> assertThat(b.json().length).isLessThanOrEqualTo(1 << 20));
        assertThat(bodies.stream().mapToInt(Batches.Body::events).sum()).isEqualTo(600);
        assertThat(bodies).hasSizeGreaterThan(1);
    }

    @Test
    void backoffGrowsIsJitteredCappedAndHonoursRetryAfter() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        Random random = new Random(7);
        for (int attempt = 1; attempt < 30; attempt++) {
            Duration delay = backoff.delay(attempt, Optional.empty(), random);
            assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis(Math.min(5000, 100L << Math.min(attempt, 20))));
        }
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(2)), random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(60)), random)).as("capped").isEqualTo(Duration.ofSeconds(5));
        assertThat(Backoff.retryAfter(Optional.of(" 5 "))).contains(Duration.ofSeconds(5));
        assertThat(Backoff.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).isEmpty();
    }
}
