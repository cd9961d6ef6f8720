package io.xxgk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.stack.StackKeys;
import io.xxgk.store.events.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Exactness under crashes: while known events stream in through ingest (every batch sent twice),
 * the aggregator is killed with SIGKILL at arbitrary moments and brought back by {@code ./xxgk up}.
 * In the end every event is stored exactly once: none lost, none doubled, not even before merges.
 */
class AggregatorCrashTest {

    // small batches: the stream lasts long enough (tens of seconds) for the kills to fall inside it
    private static final int BATCHES = 400;
    private static final int EVENTS_PER_BATCH = 10;
    /** The aggregator is killed when this many batches have been sent. */
    private static final List<Integer> KILL_AFTER = List.of(50, 150, 250);
    private static final LocalStack STACK = new LocalStack();

    @Test
    void killingTheAggregatorNeitherLosesNorDoublesAnEvent() throws Exception {
        LocalStack.Run up = STACK.xxgk("up");
        assertThat(up.exitCode()).as(up.output()).isZero();
        String token = STACK.env().get(StackKeys.DEMO_TOKEN);

        AtomicInteger sent = new AtomicInteger();
        AtomicReference<String> sendFailure = new AtomicReference<>();
        Thread sender = Thread.ofPlatform().start(() -> {
            try {
                for (int b = 0; b < BATCHES; b++) {
                    String batch = batch(b);
                    for (int copy = 0; copy < 2; copy++) {
                        // a 503 or a dropped connection is retried, as an adapter must
                        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                                .until(() -> STACK.postEvents(token, "application/cloudevents-batch+json", batch).statusCode() == 202);
                    }
                    sent.addAndGet(EVENTS_PER_BATCH);
                }
            } catch (Exception | AssertionError e) {
                sendFailure.set(e.toString());
            }
        });

        List<Long> killed = new ArrayList<>();
        for (int batches : KILL_AFTER) {
            await().atMost(Duration.ofMinutes(3)).until(() -> sent.get() >= batches * EVENTS_PER_BATCH || sendFailure.get() != null);
            long pid = STACK.pid("aggregator");
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            killed.add(pid);
            LocalStack.Run restart = STACK.xxgk("up");
            assertThat(restart.exitCode()).as(restart.output()).isZero();
        }
        sender.join(Duration.ofMinutes(5));

        assertThat(sendFailure.get()).isNull();
        assertThat(sent.get()).isEqualTo(BATCHES * EVENTS_PER_BATCH);
        assertThat(killed).hasSize(KILL_AFTER.size()).doesNotContain(STACK.pid("aggregator"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<StoredEvent> rows = STACK.events(events -> events.rows("demo", "/crash-test"));
            assertThat(rows.size() + "\t" + rows.stream().map(StoredEvent::key).distinct().count() + "\t"
                    + rows.stream().mapToLong(StoredEvent::views).sum()).as("rows, distinct keys, views")
                    .isEqualTo(BATCHES * EVENTS_PER_BATCH + "\t" + BATCHES * EVENTS_PER_BATCH + "\t" + expectedViews(BATCHES));
        });
    }

    @AfterAll
    static void cleanUp() throws Exception {
        STACK.close();
    }

    /** Event i of batch b has views i+1: the sum tells a doubled or a lost event from a right one. */
    private static String batch(int b) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < EVENTS_PER_BATCH; i++) {
            events.add(("{\"specversion\":\"1.0\",\"id\":\"crash-%d-%d\",\"source\":\"/crash-test\",\"type\":\"xxgk.item.viewed\","
                    + "\"time\":\"2024-06-01T10:00:00+08:00\",\"data\":{\"channel\":\"website\",\"itemId\":\"item-%d\",\"views\":%d}}")
                    .formatted(b, i, i, i + 1));
        }
        return "[" + String.join(",", events) + "]";
    }

    private static long expectedViews(int batches) {
        return (long) batches * EVENTS_PER_BATCH * (EVENTS_PER_BATCH + 1) / 2;
    }
}
