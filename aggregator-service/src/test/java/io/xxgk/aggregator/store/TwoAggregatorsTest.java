package io.xxgk.aggregator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.client.api.Client;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.xxgk.contract.EventData;
import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.store.events.EventsTable;
import io.xxgk.store.events.OffsetLedger;
import io.xxgk.store.events.StoredEvent;
import io.xxgk.store.report.ReportPeriod;
import io.xxgk.store.report.StatsQueries;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two aggregators storing the same records — a zombie waking after its partition moved, two
 * consumers in a rebalance — on a real ClickHouse: the rollups, read as reports read them, count
 * every event once, whatever the batches' boundaries and however the stores interleave.
 */
class TwoAggregatorsTest {

    private static final String TOPIC = "xxgk.events";
    private static Client clickHouse;
    private static String database;

    @BeforeAll
    static void schema() {
        database = RealServers.uniqueName("twoaggregators");
        ClickHouseProperties properties = new ClickHouseProperties(RealServers.get().clickhouseUrl(), database, "default", "");
        new ClickHouseMigrations(properties).migrate();
        clickHouse = ClickHouseClients.builder(properties).setDefaultDatabase(database).build();
    }

    @AfterAll
    static void close() {
        clickHouse.close();
    }

    private EventStore aggregator(String name) {
        return new EventStore(new EventsTable(clickHouse, database), new OffsetLedger(clickHouse, database), name, new SimpleMeterRegistry());
    }

    /** Offsets from..to of one partition: a view of 1 each, a day each of 2024, org {@code org}. */
    private static List<EventStore.Consumed> records(String org, int partition, long from, long to) {
        List<EventStore.Consumed> records = new ArrayList<>();
        for (long offset = from; offset <= to; offset++) {
            OffsetDateTime time = OffsetDateTime.of(2024, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC).plusDays(offset % 300);
            records.add(new EventStore.Consumed(TOPIC, partition, offset, StoredEvent.of(org, "/adapter", "v" + partition + "-" + offset,
                    time, ZoneOffset.UTC, new EventData.ItemViewed("website", "page" + offset % 7, 1, null))));
        }
        return records;
    }

    private static long views(String org) {
        return new StatsQueries(clickHouse).figures(org, ReportPeriod.year(2024)).totals().views();
    }

    @Test
    void aZombiesStaleBatchesAddNothingAndItsLongerOneOnlyWhatIsNew() throws Exception {
        EventStore owner = aggregator("owner");
        EventStore zombie = aggregator("zombie");

        assertThat(owner.write(records("z", 0, 0, 99)).written()).isEqualTo(100);
        assertThat(zombie.write(records("z", 0, 0, 49)).written()).as("inside what the owner stored").isZero();
        assertThat(zombie.write(records("z", 0, 0, 149)).written()).as("the 50 beyond it").isEqualTo(50);
        assertThat(owner.write(records("z", 0, 100, 199)).written()).as("split at the zombie's range").isEqualTo(50);

        assertThat(views("z")).isEqualTo(200);
    }

    @Test
    void aRangeClaimedByAnAggregatorThatStoppedIsStoredByTheNextWholeAndOnce() throws Exception {
        OffsetLedger ledger = new OffsetLedger(clickHouse, database);
        // a zombie claimed offsets 0-99 and stopped before storing them
        assertThat(ledger.claim(TOPIC, 1, 0, 99, "zombie")).isTrue();
        assertThat(ledger.claim(TOPIC, 1, 0, 59, "other")).as("of two claims from one offset, the first is kept").isFalse();
        EventStore owner = aggregator("owner");

        assertThatThrownBy(() -> owner.write(records("c", 1, 0, 59))).as("a part of a block is not the block")
                .isInstanceOf(EventStore.ClaimedElsewhere.class);
        assertThat(views("c")).isZero();
        assertThat(owner.write(records("c", 1, 0, 119)).written()).isEqualTo(120);
        // the zombie wakes and stores the range it claimed: the same block, kept once
        assertThat(aggregator("zombie").write(records("c", 1, 0, 99)).written()).isZero();

        assertThat(views("c")).isEqualTo(120);
    }

    @Test
    void twoAggregatorsStoringOverlappingBatchesAtOnceCountEveryEventOnce() throws Exception {
        EventStore a = aggregator("a");
        EventStore b = aggregator("b");
        Random random = new Random(20261202);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            long next = 0;
            for (int round = 0; round < 40; round++) {
                // both start where the partition's committed offset is; each polled a different number of records
                long start = next;
                long endA = start + 20 + random.nextInt(80);
                long endB = start + 20 + random.nextInt(80);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Long> first = threads.submit(() -> store(a, together, start, endA));
                Future<Long> second = threads.submit(() -> store(b, together, start, endB));
                next = Math.max(first.get(), second.get()) + 1;
            }
            assertThat(views("race")).as("%d events, each stored once", next).isEqualTo(next);
            assertThat(new EventsTable(clickHouse, database).distinctEvents("race", "/adapter")).isEqualTo(next);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Stores until it succeeds, as the consumer's retries do: a range the other holds in part is
     * consumed again, longer. Returns the last offset stored.
     */
    private static long store(EventStore aggregator, CyclicBarrier together, long start, long end) throws Exception {
        together.await();
        long to = end;
        while (true) {
            try {
                aggregator.write(records("race", 2, start, to));
                return to;
            } catch (EventStore.ClaimedElsewhere claimed) {
                to += 50;   // what a consumer polling again finds: the records the other aggregator claimed, and more
            }
        }
    }
}
