package io.xxgk.store.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.clickhouse.data.ClickHouseFormat;
import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.store.Rollups;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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
    private static final String[] TYPES = {"xxgk.item.published", "xxgk.item.retracted", "xxgk.item.viewed", "xxgk.item.viewed",
            "xxgk.item.viewed", "xxgk.item.stats", "xxgk.channel.followers", "xxgk.issue.released", "xxgk.request.received",
            "xxgk.request.answered", "xxgk.request.declined", "xxgk.complaint.received", "xxgk.service.contact"};
    private static final String[] CHANNELS = {"website", "wechat", "weibo", "newspaper"};
    private static final String[] DEPARTMENTS = {"", "党政办公室", "教务处", "信息中心"};
    private static final String[] COMPLAINTS = {"report", "review", "lawsuit"};
    private static final String[] CONTACTS = {"call", "visit", "online", "handled"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final int DAYS = 3 * 365;
    private static Client clickHouse;

    @BeforeAll
    static void randomEventsInBlocks() throws Exception {
        ClickHouseProperties properties = new ClickHouseProperties(RealServers.get().clickhouseUrl(), DATABASE, "default", "");
        new ClickHouseMigrations(properties).afterPropertiesSet();
        clickHouse = ClickHouseClients.builder(properties).setDefaultDatabase(DATABASE).build();
        Random random = new Random(SEED);
        for (int block = 0; block < 12; block++) {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                rows.add(randomEvent(random, block * 1000 + i));
            }
            clickHouse.insert("events", new ByteArrayInputStream(String.join("\n", rows).getBytes(StandardCharsets.UTF_8)),
                    ClickHouseFormat.JSONEachRow).get().close();
        }
    }

    @AfterAll
    static void close() {
        clickHouse.close();
    }

    @Test
    void everyPeriodAndSetOfOrgsGivesTheSameFiguresFromRollupsAsFromEvents() {
        StatsQueries rollups = new StatsQueries(clickHouse);
        StatsQueries events = new StatsQueries(clickHouse, StatsQueries.EVENTS);
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
    private static String randomEvent(Random random, int n) {
        String type = TYPES[random.nextInt(TYPES.length)];
        String org = random.nextInt(3) == 0 ? "b" : "a";
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        String item = "i" + random.nextInt(40);
        String time = day + " %02d:%02d:%02d.%03d".formatted(random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000));
        String id = "e" + n;
        StringBuilder row = new StringBuilder("{\"org\":\"%s\",\"key\":\"%s\",\"source\":\"/t\",\"id\":\"%s\",\"type\":\"%s\",\"time\":\"%s\",\"day\":\"%s\""
                .formatted(org, UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)), id, type, time, day));
        switch (type) {
            case "xxgk.item.published" -> row.append(",\"channel\":\"%s\",\"item\":\"%s\",\"original\":%s,\"category\":%d,\"department\":\"%s\""
                    .formatted(channel, item, random.nextBoolean(), random.nextInt(6), DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]));
            case "xxgk.item.retracted" -> row.append(",\"channel\":\"%s\",\"item\":\"%s\"".formatted(channel, item));
            case "xxgk.item.viewed" -> row.append(",\"channel\":\"%s\",\"item\":\"%s\",\"views\":%d,\"readers\":%d"
                    .formatted(channel, item, 1 + random.nextInt(50), random.nextInt(20)));
            case "xxgk.item.stats" -> row.append(",\"channel\":\"%s\",\"item\":\"%s\",\"total_views\":%d,\"total_readers\":%d"
                    .formatted(channel, item, random.nextInt(10_000), random.nextInt(1000)));
            case "xxgk.channel.followers" -> row.append(",\"channel\":\"%s\",\"followers\":%d".formatted(channel, random.nextInt(100_000)));
            case "xxgk.issue.released" -> row.append(",\"channel\":\"newspaper\",\"issue_number\":%d,\"pages\":%d"
                    .formatted(300 + random.nextInt(30), 1 + random.nextInt(8)));
            case "xxgk.complaint.received" -> row.append(",\"ref\":\"c%d\",\"kind\":\"%s\""
                    .formatted(random.nextInt(30), COMPLAINTS[random.nextInt(COMPLAINTS.length)]));
            case "xxgk.service.contact" -> row.append(",\"kind\":\"%s\",\"count\":%d"
                    .formatted(CONTACTS[random.nextInt(CONTACTS.length)], 1 + random.nextInt(10)));
            default -> row.append(",\"ref\":\"r%d\",\"kind\":\"%s\"".formatted(random.nextInt(30), type.substring(type.lastIndexOf('.') + 1)));
        }
        return row.append('}').toString();
    }
}
