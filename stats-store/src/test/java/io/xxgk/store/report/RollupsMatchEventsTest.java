package io.xxgk.store.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import io.xxgk.contract.EventData;
import io.xxgk.contract.EventType;
import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.store.Rollups;
import io.xxgk.store.events.EventsTable;
import io.xxgk.store.events.StoredEvent;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rollups, fed block by block as the aggregator feeds them, give for any period and any set of
 * orgs exactly what the counting rules give read straight from the stored events.
 */
class RollupsMatchEventsTest {

    private static final long SEED = 20241231L;
    private static final String DATABASE = RealServers.uniqueName("rollups");
    /** Every type, views three times as often. */
    private static final List<EventType> TYPES = Stream.concat(Arrays.stream(EventType.values()),
            Stream.of(EventType.ITEM_VIEWED, EventType.ITEM_VIEWED)).toList();
    private static final String[] CHANNELS = {"website", "wechat", "weibo", "newspaper"};
    private static final String[] DEPARTMENTS = {"", "党政办公室", "教务处", "信息中心"};
    private static final String[] NOTICES = {null, null, "notice-1", "notice-2"};
    private static final String[] REASONS = {null, "不属于本校公开职责", "信息不存在"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final int DAYS = 3 * 365;
    private static Client clickHouse;

    @BeforeAll
    static void randomEventsInBlocks() throws Exception {
        ClickHouseProperties properties = new ClickHouseProperties(RealServers.get().clickhouseUrl(), DATABASE, "default", "");
        new ClickHouseMigrations(properties).migrate();
        clickHouse = ClickHouseClients.builder(properties).setDefaultDatabase(DATABASE).build();
        Random random = new Random(SEED);
        EventsTable events = new EventsTable(clickHouse, DATABASE);
        for (int block = 0; block < 12; block++) {
            List<StoredEvent> rows = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                rows.add(randomEvent(random, block * 1000 + i));
            }
            events.insert(rows);
        }
    }

    @AfterAll
    static void close() {
        clickHouse.close();
    }

    @Test
    void everyPeriodAndSetOfOrgsGivesTheSameFiguresFromRollupsAsFromEvents() {
        StatsQueries rollups = new StatsQueries(clickHouse);
        StatsQueries events = new StatsQueries(clickHouse, Source.EVENTS);
        Random random = new Random(SEED + 1);
        List<ReportPeriod> periods = new ArrayList<>(List.of(ReportPeriod.year(2023), ReportPeriod.year(2024), ReportPeriod.year(2025),
                ReportPeriod.academicYear(2023), ReportPeriod.academicYear(2024)));
        for (int i = 0; i < 25; i++) {
            LocalDate from = FIRST_DAY.plusDays(random.nextInt(DAYS));
            periods.add(ReportPeriod.range(from, from.plusDays(random.nextInt(400))));
        }
        for (List<String> orgs : List.of(List.of("a"), List.of("b"), List.of("a", "b"))) {
            for (ReportPeriod period : periods) {
                PeriodFigures fromRollups = rollups.figures(orgs, period);
                assertThat(fromRollups).as(orgs + " " + period).isEqualTo(events.figures(orgs, period));
            }
        }
        assertThat(rollups.figures(List.of("a"), ReportPeriod.year(2024)).totals().items()).as("the data is not trivial").isPositive();
    }

    @Test
    void compactingClosedYearsLeavesOnePartPerYearAndTheSameFigures() {
        StatsQueries rollups = new StatsQueries(clickHouse);
        PeriodFigures before = rollups.figures(List.of("a", "b"), ReportPeriod.academicYear(2023));

        assertThat(new Rollups(clickHouse, DATABASE).compactClosedYears(2025)).as("partitions merged").isPositive();

        assertThat(clickHouse.queryAll("""
                SELECT table, partition, count() AS parts FROM system.parts
                WHERE database = currentDatabase() AND active AND table IN ('item_daily', 'casework_daily') GROUP BY table, partition""")
                .stream().filter(r -> r.getString("partition").compareTo("2025") < 0))
                .isNotEmpty().allSatisfy(r -> assertThat(r.getLong("parts")).as(r.getString("table")).isEqualTo(1));
        assertThat(rollups.figures(List.of("a", "b"), ReportPeriod.academicYear(2023))).isEqualTo(before);
    }

    /** Few items, days and ids, so that events of an item meet in and across periods and blocks. */
    private static StoredEvent randomEvent(Random random, int n) {
        EventType type = TYPES.get(random.nextInt(TYPES.size()));
        String org = random.nextInt(3) == 0 ? "b" : "a";
        OffsetDateTime time = FIRST_DAY.plusDays(random.nextInt(DAYS)).atStartOfDay()
                .plusNanos(random.nextLong(86_400_000L) * 1_000_000L).atOffset(ZoneOffset.UTC);
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        String item = "i" + random.nextInt(40);
        EventData data = switch (type) {
            case ITEM_PUBLISHED -> new EventData.ItemPublished(channel, item, null, nullIfZero(random.nextInt(6)),
                    DEPARTMENTS[random.nextInt(DEPARTMENTS.length)], random.nextBoolean(), null, NOTICES[random.nextInt(NOTICES.length)]);
            case ITEM_RETRACTED -> new EventData.ItemRetracted(channel, item);
            case ITEM_VIEWED -> new EventData.ItemViewed(channel, item, 1 + random.nextInt(50), (long) random.nextInt(20));
            case ITEM_STATS -> new EventData.ItemStats(channel, item, random.nextInt(10_000), (long) random.nextInt(1000));
            case CHANNEL_FOLLOWERS -> new EventData.ChannelFollowers(channel, random.nextInt(100_000));
            case ISSUE_RELEASED -> new EventData.IssueReleased("newspaper", 300 + random.nextInt(30), 1 + random.nextInt(8), null);
            case REQUEST_RECEIVED, REQUEST_ANSWERED, REQUEST_DECLINED -> new EventData.RequestEvent(
                    EventData.RequestStage.valueOf(type.name().substring("REQUEST_".length())), "r" + random.nextInt(30),
                    REASONS[random.nextInt(REASONS.length)], Optional.empty());
            case COMPLAINT_RECEIVED -> new EventData.ComplaintReceived("c" + random.nextInt(30),
                    EventData.ComplaintKind.values()[random.nextInt(3)], Optional.empty());
            case SERVICE_CONTACT -> new EventData.ServiceContact(EventData.ContactKind.values()[random.nextInt(4)], 1 + random.nextInt(10),
                    Optional.empty());
        };
        return StoredEvent.of(org, "/t", "e" + n, time, ZoneOffset.UTC, data);
    }

    private static Integer nullIfZero(int category) {
        return category == 0 ? null : category;
    }
}
