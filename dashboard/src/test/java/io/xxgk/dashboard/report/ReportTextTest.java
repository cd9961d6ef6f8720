package io.xxgk.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.dashboard.report.ReportText.Numbers;
import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.PeriodFigures.ChannelFigures;
import io.xxgk.store.report.ReportPeriod;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each sentence of the report's paragraph, on reports built by hand: no server. */
class ReportTextTest {

    private static final ReportScope DEMO = new ReportScope.OneOrg("demo");
    private static final ChannelFigures WEBSITE = new ChannelFigures("website", 1300, 0, 1_912_345, 0, 0, 0, 0, 0);
    private static final ChannelFigures WECHAT = new ChannelFigures("wechat", 372, 256, 0, 0, 78_123, 0, 0, 0);
    private static final ChannelFigures NEWSPAPER = new ChannelFigures("newspaper", 0, 0, 0, 0, 0, 15, 336, 60);

    @Test
    void theProactiveSentenceRoundsTotalsAndViewsAndKeepsOriginalItemsAndIssuesExact() {
        AnnualReport report = report(ReportPeriod.year(2024), WEBSITE, WECHAT, NEWSPAPER);

        assertThat(ReportText.proactive(report, Numbers.ROUNDED, DEMO)).isEqualTo(
                "2024年度全校主动公开各类信息1600余条，其中通过学校官网的信息数达1300条，浏览量190余万次；"
                        + "通过微信公众号的信息数达370余条，其中原创信息256条；校报校刊共15期60版，达到第336期。");
        assertThat(ReportText.proactive(report, Numbers.EXACT, DEMO))
                .startsWith("2024年度全校主动公开各类信息1672条，其中通过学校官网的信息数达1300条，浏览量1912345次；");
    }

    @Test
    void aProvinceSpeaksOfItsInstitutions() {
        assertThat(ReportText.proactive(report(ReportPeriod.year(2024), WEBSITE), Numbers.EXACT, ReportScope.PROVINCE))
                .startsWith("2024年度全省高校主动公开各类信息1300条");
    }

    @Test
    void aChannelWithViewsButNoItemsStartsWithItsNameAndOneWithNothingIsLeftOut() {
        ChannelFigures weibo = new ChannelFigures("weibo", 0, 0, 20_345_678, 0, 0, 0, 0, 0);
        ChannelFigures screen = new ChannelFigures("screen", 0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(ReportText.channel(line("微博", weibo), Numbers.EXACT)).hasValue("微博浏览量20345678次");
        assertThat(ReportText.channel(line("电子显示屏", screen), Numbers.EXACT)).isEmpty();
    }

    @Test
    void readersAreRoundedAsPeople() {
        ChannelFigures wechat = new ChannelFigures("wechat", 2000, 0, 0, 781_234, 0, 0, 0, 0);

        assertThat(ReportText.channel(line("学校微信", wechat), Numbers.ROUNDED)).hasValue("通过学校微信的信息数达2000条，阅读人数78万人");
    }

    @Test
    void followersAreTheSnapshotAtThePeriodsEndAndNearlyWhenRounded() {
        AnnualReport report = report(ReportPeriod.academicYear(2023), WEBSITE, WECHAT);

        assertThat(ReportText.followers(report, Numbers.ROUNDED)).isEqualTo("截至2024年8月31日，微信公众号订阅人数近8万。");
        assertThat(ReportText.followers(report, Numbers.EXACT)).isEqualTo("截至2024年8月31日，微信公众号订阅人数78123。");
        assertThat(ReportText.followers(report(ReportPeriod.year(2024), WEBSITE), Numbers.EXACT)).isEmpty();
    }

    @Test
    void noRequestsAndNoComplaintsAreWrittenAsNotReceivedWithinThePeriodsKind() {
        assertThat(ReportText.requests(report(ReportPeriod.year(2024)))).isEqualTo("本年度学校未收到依申请公开的申请；");
        assertThat(ReportText.requests(report(ReportPeriod.academicYear(2024)))).isEqualTo("本学年学校未收到依申请公开的申请；");
        assertThat(ReportText.requests(report(ReportPeriod.range(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 10, 30)))))
                .isEqualTo("统计期内学校未收到依申请公开的申请；");
        assertThat(ReportText.complaints(report(ReportPeriod.year(2024)))).isEqualTo("未收到举报、复议、诉讼。");
    }

    @Test
    void requestsAndComplaintsThatCameAreCounted() {
        AnnualReport report = casework(new PeriodFigures.Requests(14, 12, 2),
                new PeriodFigures.Complaints(1, 0, 0), new PeriodFigures.ServiceContacts(0, 0, 0, 0));

        assertThat(ReportText.requests(report)).isEqualTo("本年度学校收到依申请公开的申请14件，已答复12件，不予公开2件；");
        assertThat(ReportText.complaints(report)).isEqualTo("收到举报1起、复议0起、诉讼0起。");
    }

    @Test
    void serviceContactsNameOnlyTheKindsThereWere() {
        AnnualReport report = casework(new PeriodFigures.Requests(0, 0, 0),
                new PeriodFigures.Complaints(0, 0, 0), new PeriodFigures.ServiceContacts(402, 466, 0, 12_346));

        assertThat(ReportText.service(report)).isEqualTo("信息公开服务接受来电402起，窗口来访466起，共办理事项12346起。");
        assertThat(ReportText.service(report(ReportPeriod.year(2024)))).isEmpty();
    }

    @Test
    void theParagraphIsItsSentencesInOrder() {
        AnnualReport report = report(ReportPeriod.year(2024), WEBSITE, WECHAT);

        assertThat(ReportText.of(report, Numbers.ROUNDED, DEMO)).isEqualTo(
                ReportText.proactive(report, Numbers.ROUNDED, DEMO) + ReportText.followers(report, Numbers.ROUNDED)
                        + ReportText.requests(report) + ReportText.complaints(report) + ReportText.service(report));
    }

    private static final Map<String, String> NAMES = Map.of("website", "学校官网", "wechat", "微信公众号", "newspaper", "校报校刊");

    private static AnnualReport report(ReportPeriod period, ChannelFigures... channels) {
        PeriodFigures figures = new PeriodFigures(List.of("demo"), period, List.of(channels), List.of(), List.of(),
                new PeriodFigures.Requests(0, 0, 0), new PeriodFigures.Complaints(0, 0, 0), new PeriodFigures.ServiceContacts(0, 0, 0, 0));
        return new AnnualReport("demo", period, figures.totals(), Arrays.stream(channels).map(c -> line(NAMES.get(c.channel()), c)).toList(),
                List.of(), List.of(), figures.requests(), figures.complaints(), figures.service(), null);
    }

    /** 2024, without channels, with these requests, complaints and contacts. */
    private static AnnualReport casework(PeriodFigures.Requests requests, PeriodFigures.Complaints complaints,
                                         PeriodFigures.ServiceContacts service) {
        AnnualReport year = report(ReportPeriod.year(2024));
        return new AnnualReport(year.org(), year.period(), year.totals(), List.of(), List.of(), List.of(), requests, complaints, service, null);
    }

    private static AnnualReport.ChannelLine line(String name, ChannelFigures figures) {
        return new AnnualReport.ChannelLine(name, figures);
    }
}
