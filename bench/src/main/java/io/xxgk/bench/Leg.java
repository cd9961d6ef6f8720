package io.xxgk.bench;

import com.clickhouse.client.api.Client;
import java.time.Duration;

/** Timing a consumer that fills {@code DATABASE.events} from the topic. */
final class Leg {

    private Leg() {
    }

    /**
     * Polls the row count until {@code expected}.
     *
     * @param startedNanos when the consumer began to consume (its start-up not counted)
     * @return events/s stored since then
     */
    static double measure(Client clickHouse, String database, long expected, long startedNanos, Duration timeout)
            throws InterruptedException {
        long countAtStart = count(clickHouse, database);
        long count = countAtStart;
        while (count < expected) {
            if (System.nanoTime() - startedNanos > timeout.toNanos()) {
                throw new IllegalStateException(database + ": " + count + " of " + expected + " events after " + timeout);
            }
            Thread.sleep(50);
            count = count(clickHouse, database);
        }
        return (count - countAtStart) / ((System.nanoTime() - startedNanos) / 1e9);
    }

    private static long count(Client clickHouse, String database) {
        return PipelineBenchmark.stored(clickHouse, database);
    }
}
