package io.xxgk.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.registry.Channel;
import io.xxgk.registry.ReportTemplate.ChannelWording;
import io.xxgk.registry.ReportTemplate.Figure;
import io.xxgk.registry.ReportTemplate.Numbers;
import io.xxgk.registry.ReportTemplate;
import io.xxgk.store.report.PeriodFigures.ChannelFigures;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Each sentence of the report's sections, on reports built by hand: no server. */
class ReportTextTest {

    private static final ReportScope DEMO = new ReportScope.OneOrg("demo");
    private static final ChannelFigures WEBSITE = channel("website", 1300, 0, 1_912_345, 0, 0, 0, 0, 0);
    private static final ChannelFigures WECHAT = followed(channel("wechat", 372, 256, 0, 0, 78_123, 0, 0, 0), LocalDate.of(2024, 12, 30));
    private static final ChannelFigures NEWSPAPER = channel("newspaper", 0, 0, 0, 0, 0, 15, 336, 60);
    private static final PeriodFigures.Reported EVERYTHING = new PeriodFigures.Reported(true, true, true, true);
    private static final PeriodFigures.Requests NO_REQUESTS = new PeriodFigures.Requests(0, 0, 0);
    private static final PeriodFigures.Complaints NO_COMPLAINTS = new PeriodFigures.Complaints(0, 0, 0);
    private static final PeriodFigures.ServiceContacts NO_CONTACTS = new PeriodFigures.ServiceContacts(0, 0, 0, 0);
    private static final LocalDate LONG_AFTER = LocalDate.of(2030, 1, 1);
    private static final ReportText.Wording ROUNDED = wording(Numbers.ROUNDED);
    private static final ReportText.Wording EXACT = wording(Numbers.EXACT);

    @Test
    void theProactiveSentenceRoundsTotalsAndViewsKeepsOriginalItemsAndIssuesExactAndPutsChannelsWithoutItemsAfter() {
        AnnualReport report = report(ReportPeriod.year(2024), WEBSITE, WECHAT, NEWSPAPER);

        assertThat(ReportText.proactive(report, ROUNDED, DEMO, 0)).isEqualTo(
                "2024年度全校主动公开各类信息1600余条，其中通过学校官网的信息数达1300条，浏览量190余万次；"
                        + "通过微信公众号的信息数达370余条，原创信息256条。此外，校报校刊共15期60版，达到第336期。");
        assertThat(ReportText.proactive(report, EXACT, DEMO, 0))
                .startsWith("2024年度全校主动公开各类信息1672条，其中通过学校官网的信息数达1300条，浏览量1912345次；");
    }

    @Test
    void withoutItemsTheSentenceNeitherClaimsZeroNorStartsWithQiZhong() {
        ChannelFigures weibo = channel("weibo", 0, 0, 20_345_678, 0, 0, 0, 0, 0);

        assertThat(ReportText.proactive(report(ReportPeriod.year(2024), weibo), ROUNDED, DEMO, 0))
                .isEqualTo("2024年度，微博浏览量2000余万次。").doesNotContain("0条", "其中");
    }

    @Test
    void aProvinceSpeaksOfItsInstitutionsAndGivesNoIssueNumber() {
        AnnualReport report = report(ReportPeriod.year(2024), WEBSITE, NEWSPAPER);

        assertThat(ReportText.proactive(report, EXACT, ReportScope.PROVINCE, 12))
                .startsWith("2024年度全省高校（12所高校报送）主动公开各类信息1300条").endsWith("此外，校报校刊共15期60版。");
        assertThat(ReportText.requests(report, ReportScope.PROVINCE)).isEqualTo("本年度全省高校未收到依申请公开的申请。");
    }

    @Test
    void aChannelWithNothingIsLeftOutAndReadersAreRoundedAsPeople() {
        ChannelFigures screen = channel("screen", 0, 0, 0, 0, 0, 0, 0, 0);
        ChannelFigures wechat = channel("wechat", 2000, 0, 0, 781_234, 0, 0, 0, 0);

        assertThat(ReportText.channel(line("电子显示屏", screen), EXACT, DEMO, false)).isEmpty();
        assertThat(ReportText.channel(line("微信公众号", wechat), ROUNDED, DEMO, false)).hasValue("通过微信公众号的信息数达2000条，阅读人数78万人");
    }

    @Test
    void followersStandAtTheFiguresDateAndAStaleSnapshotIsLeftOut() {
        assertThat(ReportText.followers(report(ReportPeriod.academicYear(2023), WEBSITE, WECHAT), ROUNDED))
                .isEqualTo("截至2024年8月31日，微信公众号订阅人数近8万。");
        assertThat(ReportText.followers(report(ReportPeriod.year(2024), WECHAT), EXACT)).isEqualTo("截至2024年12月31日，微信公众号订阅人数78123。");
        ChannelFigures stale = new ChannelFigures("wechat", 0, 0, 0, 0, 70_000, 0, 0, 0, LocalDate.of(2023, 6, 30), true);
        assertThat(ReportText.followers(report(ReportPeriod.year(2024), stale), EXACT)).isEmpty();
        assertThat(ReportText.followers(report(ReportPeriod.year(2024), WEBSITE), EXACT)).isEmpty();
    }

    @Test
    void aPeriodInProgressSaysTheDayItsFiguresStandAtAndNeverAFutureOne() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        AnnualReport report = report(ReportPeriod.year(2026), today, EVERYTHING, NO_REQUESTS, NO_COMPLAINTS, NO_CONTACTS, WEBSITE, WECHAT);

        assertThat(report.period().complete()).isFalse();
        assertThat(ReportText.period(report)).isEqualTo("数据统计期限为2026年1月1日至2026年12月31日，数据截至2026年12月1日。");
        assertThat(ReportText.proactive(report, EXACT, DEMO, 0)).startsWith("2026年度（截至2026年12月1日）全校主动公开各类信息1672条");
        assertThat(ReportText.followers(report, EXACT)).startsWith("截至2026年12月1日，");
        assertThat(ReportText.period(report(ReportPeriod.year(2024)))).isEqualTo("数据统计期限为2024年1月1日至2024年12月31日。");
    }

    @Test
    void noRequestsAndNoComplaintsAreWrittenAsNotReceivedWithinThePeriodsKind() {
        assertThat(ReportText.requests(report(ReportPeriod.year(2024)), DEMO)).isEqualTo("本年度学校未收到依申请公开的申请。");
        assertThat(ReportText.requests(report(ReportPeriod.academicYear(2024)), DEMO)).isEqualTo("本学年学校未收到依申请公开的申请。");
        assertThat(ReportText.requests(report(ReportPeriod.range(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 10, 30))), DEMO))
                .isEqualTo("统计期内学校未收到依申请公开的申请。");
        assertThat(ReportText.complaints(report(ReportPeriod.year(2024)), DEMO)).isEqualTo("本年度学校未收到举报、复议、诉讼。");
    }

    @Test
    void aDeclinedRequestIsAnAnswerAndOnlyTheComplaintsThatCameAreCounted() {
        AnnualReport all = casework(new PeriodFigures.Requests(14, 12, 2), new PeriodFigures.Complaints(1, 0, 0), NO_CONTACTS);
        AnnualReport open = casework(new PeriodFigures.Requests(5, 2, 1), new PeriodFigures.Complaints(2, 0, 1), NO_CONTACTS);
        AnnualReport plain = casework(new PeriodFigures.Requests(3, 3, 0), NO_COMPLAINTS, NO_CONTACTS);

        assertThat(ReportText.requests(all, DEMO)).isEqualTo("本年度学校共收到依申请公开申请14件，均已答复，其中不予公开2件。");
        assertThat(ReportText.requests(open, DEMO)).isEqualTo("本年度学校共收到依申请公开申请5件，已答复3件，其中不予公开1件。");
        assertThat(ReportText.requests(plain, DEMO)).isEqualTo("本年度学校共收到依申请公开申请3件，均已答复。");
        AnnualReport reasons = casework(new PeriodFigures.Requests(14, 11, 3, Map.of("信息不存在", 1L, "不属于本校公开职责", 2L)),
                NO_COMPLAINTS, NO_CONTACTS);
        assertThat(ReportText.requests(reasons, DEMO))
                .isEqualTo("本年度学校共收到依申请公开申请14件，均已答复，其中不予公开3件（不属于本校公开职责2件、信息不存在1件）。");
        assertThat(ReportText.complaints(all, DEMO)).isEqualTo("本年度学校收到举报1起，未收到复议、诉讼。");
        assertThat(ReportText.complaints(open, DEMO)).isEqualTo("本年度学校收到举报2起、诉讼1起，未收到复议。");
    }

    @Test
    void serviceContactsNameOnlyTheKindsThereWereUnderTheHotlinesName() {
        AnnualReport report = casework(NO_REQUESTS, NO_COMPLAINTS, new PeriodFigures.ServiceContacts(402, 466, 0, 12_346));

        assertThat(ReportText.service(report, wording(Numbers.EXACT, label("hotline", "教育阳光服务热线"))))
                .isEqualTo("本年度教育阳光服务热线接受来电402起，窗口来访466起，共办理事项12346起。");
        assertThat(ReportText.service(report(ReportPeriod.year(2024)), EXACT)).isEmpty();
    }

    @Test
    void aKindNobodyReportedHasNoTextNotAZero() {
        PeriodFigures.Reported proactiveOnly = new PeriodFigures.Reported(true, false, false, false);
        AnnualReport report = report(ReportPeriod.year(2024), LONG_AFTER, proactiveOnly, NO_REQUESTS, NO_COMPLAINTS, NO_CONTACTS, WEBSITE);

        List<AnnualReport.Section> sections = ReportText.sections(report, EXACT, DEMO, 0);

        assertThat(sections).extracting(AnnualReport.Section::id).containsExactly("period", "proactive", "requests", "complaints", "service");
        assertThat(sections).extracting(AnnualReport.Section::reported).containsExactly(true, true, false, false, false);
        assertThat(sections.subList(2, 5)).allSatisfy(s -> assertThat(s.text()).isEmpty());
        assertThat(report.withSections(sections).text()).doesNotContain("未收到")
                .isEqualTo("数据统计期限为2024年1月1日至2024年12月31日。\n2024年度全校主动公开各类信息1300条，其中通过学校官网的信息数达1300条，浏览量1912345次。");
        assertThat(ReportText.sections(report(ReportPeriod.year(2024), LONG_AFTER, PeriodFigures.Reported.NOTHING, NO_REQUESTS,
                NO_COMPLAINTS, NO_CONTACTS), EXACT, DEMO, 0))
                .as("a year without any data says only its period").filteredOn(AnnualReport.Section::reported).hasSize(1);
    }

    @Test
    void theTextIsItsSectionsALineEach() {
        AnnualReport report = report(ReportPeriod.year(2024), WEBSITE, WECHAT);

        List<AnnualReport.Section> sections = ReportText.sections(report, ROUNDED, DEMO, 0);

        assertThat(report.withSections(sections).text()).isEqualTo(String.join("\n", ReportText.period(report),
                ReportText.proactive(report, ROUNDED, DEMO, 0) + ReportText.followers(report, ROUNDED),
                ReportText.requests(report, DEMO), ReportText.complaints(report, DEMO)));
    }

    @Test
    void everySentenceReadsRightWithAnySubsetOfFiguresLeftOut() {
        ChannelFigures website = channel("website", 1300, 0, 1_912_345, 0, 0, 0, 0, 0);
        ChannelFigures wechat = followed(channel("wechat", 372, 256, 45_678, 78_123, 81_000, 0, 0, 0), LocalDate.of(2024, 12, 30));
        ChannelFigures newspaper = channel("newspaper", 530, 0, 0, 0, 0, 15, 336, 60);
        AnnualReport report = report(ReportPeriod.year(2024), website, wechat, newspaper);
        List<String> figures = List.of("total", "website.items", "website.views", "wechat.items", "wechat.originalItems", "wechat.views",
                "wechat.readers", "wechat.followers", "newspaper.items", "newspaper.issues");
        List<String> phrases = List.of("2202条", "1300条", "1912345次", "372条", "原创信息256条", "45678次", "78123人", "81000", "530条", "共15期");

        for (int off = 0; off < 1 << figures.size(); off++) {
            int mask = off;
            Predicate<String> isOff = f -> (mask & 1 << figures.indexOf(f)) != 0;
            ReportText.Wording wording = wording(Numbers.EXACT,
                    switchedOff("website", isOff), switchedOff("wechat", isOff), switchedOff("newspaper", isOff));
            ReportTemplate template = new ReportTemplate("demo", 0, Numbers.EXACT, null, isOff.test("total") ? Figure.OFF : null,
                    wording.template().channels(), Map.of(), null, null);
            String text = ReportText.proactive(report, new ReportText.Wording(template, Numbers.EXACT), DEMO, 0)
                    + ReportText.followers(report, wording);

            for (int f = 0; f < figures.size(); f++) {
                if (isOff.test(figures.get(f))) {
                    assertThat(text).as("%s off", figures.get(f)).doesNotContain(phrases.get(f));
                } else {
                    assertThat(text).as("%s on: %s", figures.get(f), text).contains(phrases.get(f));
                }
            }
            assertThat(text).as("mask %d", mask).doesNotContain("，，", "；；", "，。", "；。", "其中。", "其中；", "此外，。", "，；", "达条", "达0", "信息0条")
                    .satisfiesAnyOf(t -> assertThat(t).isEmpty(), t -> assertThat(t).startsWith("2024年度").endsWith("。"),
                            t -> assertThat(t).as("the followers alone").startsWith("截至2024年12月31日，").endsWith("。"));
            if (text.contains("此外")) {
                assertThat(text).as("此外 follows a sentence").contains("。此外，");
            }
        }
    }

    @Test
    void aChannelContinuingThePreviousOneIsWrittenInShortAndWithAVerbInFull() {
        AnnualReport report = report(ReportPeriod.year(2024), channel("doc-transfer", 1085, 0, 0, 0, 0, 0, 0, 0),
                channel("egov", 1259, 0, 59_317, 0, 0, 0, 0, 0), channel("weibo", 215, 0, 20_512_345, 0, 0, 0, 0, 0));
        ReportText.Wording wording = wording(Numbers.ROUNDED,
                new ChannelWording("doc-transfer", null, "传输", null, null, null, Figure.EXACT, null, null, null, null, null, null, null),
                new ChannelWording("egov", null, null, "各部门总访问量达", null, null, Figure.EXACT, null, Figure.EXACT, null, null, null, null, true),
                new ChannelWording("weibo", "学校微博", null, "超级话题阅读量", null, null, null, null, null, null, null, null, "多", true));

        assertThat(ReportText.proactive(report, wording, DEMO, 0)).isEqualTo("2024年度全校主动公开各类信息2500余条，其中通过公文传输系统传输的信息数达1085条，"
                + "电子政务平台达1259条，各部门总访问量达59317次，学校微博达200余条，超级话题阅读量2000万多次。");
    }

    /** The defaults for the default channels, with these channels' words instead. */
    private static ReportText.Wording wording(Numbers numbers, ChannelWording... channels) {
        ReportTemplate template = new ReportTemplate("demo", 0, numbers, null, null, List.of(channels), Map.of(), null, null);
        return new ReportText.Wording(ReportTemplates.complete(template, Channel.DEFAULTS), numbers);
    }

    /** The channel's figures each off when {@code off} says so ("wechat.views"), the others as the numbers say. */
    private static ChannelWording switchedOff(String channel, Predicate<String> off) {
        Function<String, Figure> figure = name -> off.test(channel + "." + name) ? Figure.OFF : null;
        return new ChannelWording(channel, null, null, null, null, null, figure.apply("items"), figure.apply("originalItems"),
                figure.apply("views"), figure.apply("readers"), figure.apply("followers"), figure.apply("issues"), null, null);
    }

    private static ChannelWording label(String channel, String label) {
        return new ChannelWording(channel, label, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static final Map<String, String> NAMES = Map.of("website", "学校官网", "wechat", "微信公众号", "newspaper", "校报校刊", "weibo", "微博");

    private static ChannelFigures channel(String id, long items, long original, long views, long readers, long followers, long issues,
                                          long lastIssue, long pages) {
        return new ChannelFigures(id, items, original, views, readers, followers, issues, lastIssue, pages, null, false);
    }

    private static ChannelFigures followed(ChannelFigures c, LocalDate snapshot) {
        return new ChannelFigures(c.channel(), c.items(), c.originalItems(), c.views(), c.readers(), c.followers(), c.issues(),
                c.lastIssueNumber(), c.pages(), snapshot, false);
    }

    /** A past period, everything reported, nothing of requests, complaints or contacts. */
    private static AnnualReport report(ReportPeriod period, ChannelFigures... channels) {
        return report(period, LONG_AFTER, EVERYTHING, NO_REQUESTS, NO_COMPLAINTS, NO_CONTACTS, channels);
    }

    private static AnnualReport casework(PeriodFigures.Requests requests, PeriodFigures.Complaints complaints,
                                         PeriodFigures.ServiceContacts service) {
        return report(ReportPeriod.year(2024), LONG_AFTER, EVERYTHING, requests, complaints, service);
    }

    private static AnnualReport report(ReportPeriod period, LocalDate today, PeriodFigures.Reported reported, PeriodFigures.Requests requests,
                                       PeriodFigures.Complaints complaints, PeriodFigures.ServiceContacts service, ChannelFigures... channels) {
        PeriodFigures figures = new PeriodFigures(List.of("demo"), period, List.of(channels), List.of(), List.of(), requests, complaints,
                service, reported, List.of(), 0);
        LocalDate asOf = period.asOf(today);
        return new AnnualReport("demo", new AnnualReport.Period(period, asOf.equals(period.to())), figures.totals(),
                Arrays.stream(channels).map(c -> line(NAMES.get(c.channel()), c)).toList(), List.of(), List.of(), requests, complaints,
                service, null, asOf, List.of(), List.of(), List.of(), reported, "示例大学");
    }

    private static AnnualReport.ChannelLine line(String name, ChannelFigures figures) {
        return new AnnualReport.ChannelLine(name, figures, List.of(), null);
    }
}
