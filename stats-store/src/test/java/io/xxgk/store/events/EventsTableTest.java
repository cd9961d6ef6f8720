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
import org.junit.jupiter.api.Test;

/** Storing a block once: however often it is stored again, and whatever part of it ClickHouse had written. */
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
}
