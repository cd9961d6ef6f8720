package io.xxgk.store.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import io.xxgk.contract.EventData;
import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import io.xxgk.store.report.Source;
import io.xxgk.store.report.StatsQueries;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Storing a block once: however often it is stored again, and whatever part of it ClickHouse had
 * written; and the dedup lookup, which tells the events other blocks stored without reading a
 * granule of events per key.
 */
class EventsTableTest {

    @Test
    void aBlockStoredAgainCompletesTheRollupsThatMissedItAndDoublesNone() throws Exception {
        String database = RealServers.uniqueName("once");
        ClickHouseProperties properties = new ClickHouseProperties(RealServers.get().clickhouseUrl(), database, "default", "");
        new ClickHouseMigrations(properties).migrate();
        try (Client clickHouse = ClickHouseClients.builder(properties).setDefaultDatabase(database).build()) {
            EventsTable events = new EventsTable(clickHouse, database);
            List<StoredEvent> block = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                OffsetDateTime time = OffsetDateTime.of(2024, 3, 1 + i, 9, 0, 0, 0, ZoneOffset.UTC);
                block.add(StoredEvent.of("o", "/t", "v" + i, time, ZoneOffset.UTC, new EventData.ItemViewed("website", "a" + i % 3, 1 + i, null)));
                block.add(StoredEvent.of("o", "/t", "p" + i, time, ZoneOffset.UTC,
                        new EventData.ItemPublished("website", "a" + i, null, 6, "党政办公室", false, null)));
                block.add(StoredEvent.of("o", "/t", "r" + i, time, ZoneOffset.UTC,
                        new EventData.RequestEvent(EventData.RequestStage.RECEIVED, "q" + i, null, Optional.empty())));
            }
            // what a ClickHouse that stops after writing events and some rollups leaves: item_daily's view did not run
            clickHouse.query("DETACH VIEW item_daily_mv").get().close();
            events.insertOnce(block, "t/0/0-59");
            clickHouse.query("ATTACH TABLE item_daily_mv").get().close();
            StatsQueries fromRollups = new StatsQueries(clickHouse);
            StatsQueries fromEvents = new StatsQueries(clickHouse, Source.EVENTS);
            ReportPeriod year = ReportPeriod.year(2024);
            assertThat(fromRollups.figures("o", year).departments().getFirst().views()).as("the view that missed the block").isZero();

            events.insertOnce(block, "t/0/0-59");
            events.insertOnce(block, "t/0/0-59");

            PeriodFigures figures = fromRollups.figures("o", year);
            assertThat(figures).isEqualTo(fromEvents.figures("o", year));
            assertThat(figures.totals().views()).isEqualTo(210);
            assertThat(figures.totals().items()).isEqualTo(20);
            assertThat(figures.requests().received()).isEqualTo(20);
            assertThat(events.rows("o", "/t")).as("events kept the first copy only").hasSize(60);
        }
    }

    @Test
    void theLookupFindsWhatOtherBlocksStoredAndReadsAFewRowsPerKey() throws Exception {
        String database = RealServers.uniqueName("lookup");
        ClickHouseProperties properties = new ClickHouseProperties(RealServers.get().clickhouseUrl(), database, "default", "");
        new ClickHouseMigrations(properties).migrate();
        try (Client clickHouse = ClickHouseClients.builder(properties).setDefaultDatabase(database).build()) {
            EventsTable events = new EventsTable(clickHouse, database);
            List<StoredEvent> stored = new ArrayList<>();
            // 100 000 views over two years, in ten blocks: ten parts in each year for the lookup to get through
            for (int block = 0; block < 10; block++) {
                List<StoredEvent> rows = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    OffsetDateTime time = OffsetDateTime.of(2024 + i % 2, 1 + i % 12, 1 + i % 28, 9, 0, 0, 0, ZoneOffset.UTC);
                    rows.add(StoredEvent.of("o", "/t", block + "-" + i, time, ZoneOffset.UTC, new EventData.ItemViewed("website", "a", 1, null)));
                }
                events.insertOnce(rows, "t/0/" + block);
                stored.addAll(rows.subList(0, 25));
            }
            List<UUID> keys = new ArrayList<>(stored.stream().map(StoredEvent::key).toList());
            List<UUID> fresh = IntStream.range(0, 250).mapToObj(i -> StoredEvent.of("o", "/t", "new-" + i, OffsetDateTime.now(ZoneOffset.UTC),
                    ZoneOffset.UTC, new EventData.ItemViewed("website", "a", 1, null)).key()).toList();
            keys.addAll(fresh);

            EventsTable.Lookup lookup = events.storedKeys("o", keys, "t/9/9");
            EventsTable.Lookup ownBlock = events.storedKeys("o", stored.subList(0, 25).stream().map(StoredEvent::key).toList(), "t/0/0");
            EventsTable.Lookup otherOrg = events.storedKeys("p", keys, "t/9/9");

            assertThat(lookup.stored()).containsExactlyInAnyOrderElementsOf(stored.stream().map(StoredEvent::key).toList());
            assertThat(ownBlock.stored()).as("a block stored again does not find its own rows").isEmpty();
            assertThat(otherOrg.stored()).as("another org's keys").isEmpty();
            // a stored key: its 32-row granule; a new one: the bloom filter's rare false positives (events' own key would read 8192 a part)
            assertThat(lookup.rowsRead()).as("rows read for %d keys", keys.size()).isPositive().isLessThan(40L * keys.size());
        }
    }
}
