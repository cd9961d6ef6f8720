package io.xxgk.store.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.clickhouse.client.api.Client;
import io.xxgk.contract.EventData;
import io.xxgk.contract.EventData.ChannelFollowers;
import io.xxgk.contract.EventData.ComplaintKind;
import io.xxgk.contract.EventData.ComplaintReceived;
import io.xxgk.contract.EventData.ContactKind;
import io.xxgk.contract.EventData.IssueReleased;
import io.xxgk.contract.EventData.ItemPublished;
import io.xxgk.contract.EventData.ItemRetracted;
import io.xxgk.contract.EventData.ItemStats;
import io.xxgk.contract.EventData.ItemViewed;
import io.xxgk.contract.EventData.RequestEvent;
import io.xxgk.contract.EventData.RequestStage;
import io.xxgk.contract.EventData.ServiceContact;
import io.xxgk.contract.EventType;
import io.xxgk.store.ClickHouseMigrations;
import io.xxgk.store.Rollups;
import io.xxgk.store.events.EventsTable;
import io.xxgk.store.events.StoredEvent;
import io.xxgk.store.report.PeriodFigures.ChannelFigures;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each counting rule of docs/counting.md, on rows in a real ClickHouse. */
class StatsQueriesTest {

    private static final String DATABASE = RealServers.uniqueName("report");
    private static Client clickHouse;
    private static StatsQueries queries;
    private static final List<StoredEvent> rows = new ArrayList<>();

    @BeforeAll
    static void events() throws Exception {
        ClickHouseProperties properties = new ClickHouseProperties(RealServers.get().clickhouseUrl(), DATABASE, "default", "");
        new ClickHouseMigrations(properties).migrate();
        clickHouse = ClickHouseClients.builder(properties).setDefaultDatabase(DATABASE).build();
        queries = new StatsQueries(clickHouse);

        // published and retracted
        published("a1", "2024-03-01", true, 6, "党政办公室");
        published("a2", "2024-03-02", true, 6, "党政办公室");
        event("2024-05-01", new ItemRetracted("website", "a2"));
        published("a3", "2024-12-20", false, 33, "教务处");
        event("2025-01-05", new ItemRetracted("website", "a3"));
        published("a4", "2024-04-01", true, 6, "党政办公室");
        published("a4", "2024-04-02", false, 6, "信息中心");
        published("a5", "2023-12-31", true, 6, "党政办公室");
        // view deltas
        viewed("website", "a1", "2023-12-31", 2, 1);
        viewed("website", "a1", "2024-03-01", 10, 6);
        viewed("website", "a1", "2024-12-31", 5, 2);
        viewed("website", "a1", "2025-01-01", 7, 3);
        // running totals, which win over deltas of the same item
        stats("w1", "2023-12-30", 100, 10);
        stats("w1", "2024-06-01", 150, 15);
        stats("w1", "2024-12-31", 400, 40);
        stats("w1", "2025-01-02", 900, 90);
        viewed("weibo", "w1", "2024-07-01", 1000, 1000);
        stats("w2", "2024-02-01", 50, 5);
        stats("w3", "2023-12-01", 500, 50);
        stats("w3", "2024-06-01", 300, 30);
        // followers: a snapshot
        event("2024-06-30", new ChannelFollowers("wechat", 70000));
        event("2024-12-31", new ChannelFollowers("wechat", 78000));
        event("2025-01-01", new ChannelFollowers("wechat", 80000));
        // newspaper issues, one re-sent under another id
        event("2024-01-10", new IssueReleased("newspaper", 335, 4, null));
        event("2024-02-10", new IssueReleased("newspaper", 336, 8, null));
        event("2024-02-11", new IssueReleased("newspaper", 336, 8, null));
        // requests, complaints, service contacts
        event("2024-03-01", request(RequestStage.RECEIVED, "r1"));
        event("2024-03-02", request(RequestStage.RECEIVED, "r1"));
        event("2024-03-03", request(RequestStage.RECEIVED, "r2"));
        event("2024-03-10", request(RequestStage.ANSWERED, "r1"));
        event("2024-03-11", new RequestEvent(RequestStage.DECLINED, "r2", "不属于本校公开职责", Optional.empty()));
        event("2024-04-01", new ComplaintReceived("c1", ComplaintKind.REPORT, Optional.empty()));
        event("2024-04-02", new ComplaintReceived("c2", ComplaintKind.LAWSUIT, Optional.empty()));
        event("2024-05-01", contact(ContactKind.CALL, 400));
        event("2024-05-02", contact(ContactKind.CALL, 2));
        event("2024-05-03", contact(ContactKind.VISIT, 466));
        // another org's events never count here
        rows.add(StoredEvent.of("other", "/test", "other-0", time("2024-03-01", 0), ZoneOffset.UTC,
                new ItemPublished("website", "a1", null, 6, "党政办公室", true, null)));

        // one notice on two channels, and an item of its own: org n
        for (String[] item : new String[][] {{"website", "n-w1", "N-1"}, {"wechat", "n-c1", "N-1"}, {"wechat", "n-c2", null}}) {
            rows.add(StoredEvent.of("n", "/test", item[1], time("2024-06-01", rows.size()), ZoneOffset.UTC,
                    new ItemPublished(item[0], item[1], null, null, null, false, null, item[2])));
        }

        new EventsTable(clickHouse, DATABASE).insert(rows);
    }

    @AfterAll
    static void close() {
        clickHouse.close();
    }

    private final PeriodFigures year2024 = queries.figures("q", ReportPeriod.year(2024));

    @Test
    void itemsPublishedAndRetractedInThePeriodDoNotCountAndAnItemCountsOnce() {
        assertThat(channel("website").items()).as("a1, a3 (retracted only in 2025), a4 (published twice)").isEqualTo(3);
        assertThat(channel("website").originalItems()).as("a1; a4's latest publication is not original").isEqualTo(1);
        assertThat(year2024.totals().items()).isEqualTo(3);
    }

    @Test
    void viewDeltasAreSummedWithinThePeriod() {
        assertThat(channel("website").views()).isEqualTo(15);
        assertThat(channel("website").readers()).isEqualTo(8);
        assertThat(queries.figures("q", ReportPeriod.range(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 10, 30)))
                .channels().stream().filter(c -> c.channel().equals("website")).findFirst().orElseThrow().views()).isEqualTo(10);
    }

    @Test
    void runningTotalsGiveLastAtTheEndMinusLastBeforeTheStartAndWinOverDeltas() {
        assertThat(channel("weibo").views()).as("w1: 400 - 100; w2: 50 - 0; w3 reset 500 -> 300: 0; w1's deltas ignored").isEqualTo(350);
        assertThat(channel("weibo").readers()).isEqualTo(35);
    }

    @Test
    void followersAreTheSnapshotAtThePeriodsEnd() {
        assertThat(channel("wechat").followers()).isEqualTo(78000);
        assertThat(queries.figures("q", ReportPeriod.academicYear(2024)).channels().stream()
                .filter(c -> c.channel().equals("wechat")).findFirst().orElseThrow().followers()).isEqualTo(80000);
    }

    @Test
    void theFollowerSnapshotCarriesItsDayAndOneFromBeforeThePeriodIsStale() {
        assertThat(channel("wechat").followersAsOf()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(channel("wechat").followersStale()).isFalse();
        ChannelFigures later = queries.figures("q", ReportPeriod.year(2026)).channels().getFirst();
        assertThat(later.channel()).isEqualTo("wechat");
        assertThat(later.followers()).as("the last snapshot, from 2025").isEqualTo(80000);
        assertThat(later.followersAsOf()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(later.followersStale()).isTrue();
    }

    @Test
    void aKindNobodyHasSentByThePeriodsEndIsNotReported() {
        assertThat(year2024.reported()).isEqualTo(new PeriodFigures.Reported(true, true, true, true));
        assertThat(queries.figures("q", ReportPeriod.year(2023)).reported()).as("the first request came in 2024")
                .isEqualTo(new PeriodFigures.Reported(true, false, false, false));
        assertThat(queries.figures("q", ReportPeriod.year(2010)).reported()).isEqualTo(PeriodFigures.Reported.NOTHING);
        assertThat(queries.figures("q", ReportPeriod.year(2026)).reported()).as("an adapter that sent before").isEqualTo(year2024.reported());
    }

    @Test
    void issuesCountOncePerNumberWithTheirPagesAndTheHighestNumber() {
        ChannelFigures newspaper = channel("newspaper");
        assertThat(newspaper.issues()).isEqualTo(2);
        assertThat(newspaper.pages()).isEqualTo(12);
        assertThat(newspaper.lastIssueNumber()).isEqualTo(336);
    }

    @Test
    void requestsAndComplaintsCountDistinctIdsAndServiceContactsSum() {
        assertThat(year2024.requests()).isEqualTo(new PeriodFigures.Requests(2, 1, 1, Map.of("不属于本校公开职责", 1L)));
        assertThat(year2024.complaints()).isEqualTo(new PeriodFigures.Complaints(1, 0, 1));
        assertThat(year2024.service()).isEqualTo(new PeriodFigures.ServiceContacts(402, 466, 0, 0));
    }

    @Test
    void theChecklistHasCountLastDateAndDepartmentsPerItem() {
        assertThat(year2024.checklist()).containsExactly(
                new PeriodFigures.ChecklistFigures(6, 2, LocalDate.of(2024, 4, 2), List.of("信息中心", "党政办公室"), Map.of("website", 2L)),
                new PeriodFigures.ChecklistFigures(33, 1, LocalDate.of(2024, 12, 20), List.of("教务处"), Map.of("website", 1L)));
    }

    @Test
    void anItemIsDisclosedFromItsPublicationUntilItIsWithdrawnWhateverThePeriod() {
        assertThat(year2024.disclosed()).as("6 (a1, a4, a5 of 2023), 33 (a3, withdrawn only in 2025)").containsExactly(6, 33);
        assertThat(queries.figures("q", ReportPeriod.year(2025)).disclosed()).as("a3 withdrawn; a1, a4, a5 still online").containsExactly(6);
        assertThat(queries.figures("q", ReportPeriod.year(2026)).disclosed()).as("nothing published in 2026: a standing disclosure counts")
                .containsExactly(6);
        assertThat(queries.figures("q", ReportPeriod.year(2022)).disclosed()).isEmpty();
        assertThat(queries.disclosedByOrg(List.of("q", "nobody"), ReportPeriod.year(2024))).as("each org's, by the same rules")
                .isEqualTo(Map.of("q", Set.of(6, 33), "nobody", Set.of()));
    }

    @Test
    void departmentsCountTheItemsTheirLatestPublicationNamesThem() {
        assertThat(year2024.departments()).containsExactly(
                new PeriodFigures.DepartmentFigures("党政办公室", 1, 1, 15, 8),
                new PeriodFigures.DepartmentFigures("信息中心", 1, 0, 0, 0),
                new PeriodFigures.DepartmentFigures("教务处", 1, 0, 0, 0));
        assertThat(queries.figures("q", ReportPeriod.year(2025)).departments()).as("a1's 2025 views go to the department it was published by in 2024")
                .contains(new PeriodFigures.DepartmentFigures("党政办公室", 0, 0, 7, 3));
    }

    @Test
    void eachMonthOfATrendIsCountedAsItsOwnPeriod() {
        List<StatsQueries.Reach> months = queries.months(List.of("q"), YearMonth.of(2024, 1), YearMonth.of(2025, 12), StatsQueries.Slice.ALL);

        assertThat(months).hasSize(24);
        for (StatsQueries.Reach month : months) {
            PeriodFigures figures = queries.figures("q", month.period());
            assertThat(month.items()).as("items of %s", month.period()).isEqualTo(figures.totals().items());
            assertThat(month.views()).as("views of %s", month.period()).isEqualTo(figures.totals().views());
        }
        assertThat(months).as("a trend with something in it").anyMatch(m -> m.views() > 0).anyMatch(m -> m.items() > 0);
    }

    @Test
    void aChannelsMonthsAndItsMostViewedItemsFollowTheSameRules() {
        for (String channel : List.of("website", "weibo")) {
            for (StatsQueries.Reach month : queries.months(List.of("q"), YearMonth.of(2024, 1), YearMonth.of(2024, 12), StatsQueries.Slice.channel(channel))) {
                PeriodFigures.ChannelFigures figures = queries.figures("q", month.period()).channels().stream()
                        .filter(c -> c.channel().equals(channel)).findFirst().orElse(null);
                assertThat(month.items()).as("%s items of %s", channel, month.period()).isEqualTo(figures == null ? 0 : figures.items());
                assertThat(month.views()).as("%s views of %s", channel, month.period()).isEqualTo(figures == null ? 0 : figures.views());
            }
        }

        List<StatsQueries.ItemViews> top = queries.topItems(List.of("q"), StatsQueries.Slice.channel("weibo"), ReportPeriod.year(2024), 5);

        assertThat(top).as("w1 by its totals (400 - 100), w2 (50); w3's total went down: nothing")
                .extracting(StatsQueries.ItemViews::item, StatsQueries.ItemViews::views).containsExactly(tuple("w1", 300L), tuple("w2", 50L));
        assertThat(top).isEqualTo(new StatsQueries(clickHouse, Source.EVENTS).topItems(List.of("q"), StatsQueries.Slice.channel("weibo"), ReportPeriod.year(2024), 5));
        assertThat(queries.topItems(List.of("q"), StatsQueries.Slice.channel("website"), ReportPeriod.year(2024), 1)).extracting(StatsQueries.ItemViews::item)
                .containsExactly("a1");
    }

    @Test
    void aDepartmentsMonthsAndItsMostViewedItemsFollowTheSameRules() {
        for (String department : List.of("党政办公室", "教务处", "信息中心")) {
            List<StatsQueries.Reach> months = queries.months(List.of("q"), YearMonth.of(2024, 1), YearMonth.of(2025, 12),
                    StatsQueries.Slice.department(department));
            assertThat(months).hasSize(24);
            for (StatsQueries.Reach month : months) {
                PeriodFigures.DepartmentFigures figures = queries.figures("q", month.period()).departments().stream()
                        .filter(d -> d.department().equals(department)).findFirst().orElse(null);
                assertThat(month.items()).as("%s items of %s", department, month.period()).isEqualTo(figures == null ? 0 : figures.items());
                assertThat(month.views()).as("%s views of %s", department, month.period()).isEqualTo(figures == null ? 0 : figures.views());
            }
        }
        assertThat(queries.months(List.of("q"), YearMonth.of(2025, 1), YearMonth.of(2025, 12), StatsQueries.Slice.department("党政办公室")))
                .as("a1's 2025 views, its department's from its 2024 publication").anyMatch(m -> m.views() > 0);

        List<StatsQueries.ItemViews> top = queries.topItems(List.of("q"), StatsQueries.Slice.department("党政办公室"), ReportPeriod.year(2024), 5);

        assertThat(top).extracting(StatsQueries.ItemViews::channel, StatsQueries.ItemViews::item, StatsQueries.ItemViews::views)
                .containsExactly(tuple("website", "a1", 15L));
        assertThat(top).isEqualTo(new StatsQueries(clickHouse, Source.EVENTS).topItems(List.of("q"), StatsQueries.Slice.department("党政办公室"),
                ReportPeriod.year(2024), 5));
        assertThat(queries.topItems(List.of("q"), StatsQueries.Slice.department("无此部门"), ReportPeriod.year(2024), 5)).isEmpty();
    }

    @Test
    void severalOrgsAreCountedEachThenAdded() {
        PeriodFigures both = queries.figures(List.of("q", "other"), ReportPeriod.year(2024));

        assertThat(both.orgs()).containsExactly("q", "other");
        assertThat(both.totals().items()).as("q's three items and other's a1").isEqualTo(4);
        assertThat(both.requests()).isEqualTo(year2024.requests());
    }

    @Test
    void itemsOfOneNoticeAreOneNoticeAndStayAnItemPerChannel() {
        PeriodFigures figures = queries.figures("n", ReportPeriod.year(2024));

        assertThat(figures.totals().items()).isEqualTo(3);
        assertThat(figures.totals().notices()).isEqualTo(2);
        assertThat(figures.channels()).extracting(c -> c.channel() + "=" + c.items()).containsExactly("website=1", "wechat=2");
        assertThat(year2024.totals().notices()).as("no notice ids: each item its own").isEqualTo(year2024.totals().items());
        assertThat(queries.totalsByOrg(List.of("n"), ReportPeriod.year(2024)).get("n")).isEqualTo(figures.totals());
    }

    @Test
    void eachOrgsTotalsAreItsOwnFigures() {
        Map<String, PeriodFigures.Totals> totals = queries.totalsByOrg(List.of("q", "other", "nobody"), ReportPeriod.year(2024));

        assertThat(totals.get("q")).isEqualTo(year2024.totals());
        assertThat(totals.get("other")).isEqualTo(queries.figures("other", ReportPeriod.year(2024)).totals());
        assertThat(totals.get("nobody")).isEqualTo(new PeriodFigures.Totals(0, 0, 0, 0, 0));
    }

    @Test
    void aRebuildFromEventsUndoesAnEventStoredTwice() throws Exception {
        new EventsTable(clickHouse, DATABASE).insert(rows.stream().filter(r -> r.day().getYear() == 2024)
                .filter(r -> r.type() == EventType.ITEM_VIEWED || r.type() == EventType.SERVICE_CONTACT).toList());
        assertThat(queries.figures("q", ReportPeriod.year(2024))).as("sums count the copies").isNotEqualTo(year2024);

        new Rollups(clickHouse, DATABASE).rebuild(2024);

        assertThat(queries.figures("q", ReportPeriod.year(2024))).isEqualTo(year2024);
    }

    @Test
    void anEmptyPeriodHasNoFigures() {
        PeriodFigures empty = queries.figures("q", ReportPeriod.year(2010));

        assertThat(empty.channels()).isEmpty();
        assertThat(empty.totals()).isEqualTo(new PeriodFigures.Totals(0, 0, 0, 0, 0));
        assertThat(queries.figures("nobody", ReportPeriod.year(2024)).channels()).isEmpty();
    }

    private ChannelFigures channel(String id) {
        return year2024.channels().stream().filter(c -> c.channel().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no figures for channel " + id + ": " + year2024.channels()));
    }

    private static void published(String item, String day, boolean original, int category, String department) {
        event(day, new ItemPublished("website", item, null, category, department, original, null));
    }

    private static void viewed(String channel, String item, String day, long views, long readers) {
        event(day, new ItemViewed(channel, item, views, readers));
    }

    private static void stats(String item, String day, long totalViews, long totalReaders) {
        event(day, new ItemStats("weibo", item, totalViews, totalReaders));
    }

    private static RequestEvent request(RequestStage stage, String id) {
        return new RequestEvent(stage, id, null, Optional.empty());
    }

    private static ServiceContact contact(ContactKind kind, long count) {
        return new ServiceContact(kind, count, Optional.of("hotline"));
    }

    /** An event of org q on {@code day} (UTC, the org's zone here); every event has its own time and id. */
    private static void event(String day, EventData data) {
        rows.add(StoredEvent.of("q", "/test", "e" + rows.size(), time(day, rows.size()), ZoneOffset.UTC, data));
    }

    private static OffsetDateTime time(String day, int millis) {
        return LocalDate.parse(day).atTime(4, 0).plusNanos(millis * 1_000_000L).atOffset(ZoneOffset.UTC);
    }
}
