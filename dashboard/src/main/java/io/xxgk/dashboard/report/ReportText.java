package io.xxgk.dashboard.report;

import io.xxgk.dashboard.report.AnnualReport.Section;
import io.xxgk.dashboard.report.NumberPhrasing.Style;
import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.PeriodFigures.ChannelFigures;
import io.xxgk.store.report.ReportPeriod;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The statistics of the annual report as its sections, in the style of the real ones, one
 * sentence a method: the period; the items disclosed with each channel's items and views, and the
 * followers at the figures' date; requests (a declined request is an answer); complaints; service
 * contacts. Zeros are written as reports write them (未收到…), and a kind of figure nobody has ever
 * sent is left out: no data is not zero.
 */
public final class ReportText {

    /** How figures are written: all exact, or rounded where the reports round (totals, views, followers). */
    public enum Numbers {
        EXACT, ROUNDED;

        /** Amounts (items, views): 7000余条. */
        Style amounts() {
            return this == ROUNDED ? Style.OVER : Style.EXACT;
        }

        /** People (readers): 78万人. */
        Style people() {
            return this == ROUNDED ? Style.ROUNDED : Style.EXACT;
        }

        /** Snapshots (followers): 近8万. */
        Style snapshots() {
            return this == ROUNDED ? Style.NEARLY : Style.EXACT;
        }
    }

    /**
     * What the sentences name besides the figures.
     *
     * @param hotline      the hotline channel's name in the org's registry
     * @param institutions in a province's report, how many institutions sent figures for the period
     */
    record Names(String hotline, int institutions) {
        static final Names DEFAULT = new Names("服务热线", 0);
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private ReportText() {
    }

    static List<Section> sections(AnnualReport report, Numbers numbers, ReportScope scope, Names names) {
        PeriodFigures.Reported reported = report.reported();
        return List.of(
                new Section("period", "数据统计期限", period(report), true),
                section("proactive", "主动公开情况", reported.proactive(),
                        () -> proactive(report, numbers, scope, names) + followers(report, numbers)),
                section("requests", "依申请公开和不予公开情况", reported.requests(), () -> requests(report, scope)),
                section("complaints", "因学校信息公开工作受到举报、复议、诉讼的情况", reported.complaints(), () -> complaints(report, scope)),
                section("service", "信息公开服务情况", reported.service(), () -> service(report, names)));
    }

    private static Section section(String id, String title, boolean reported, Supplier<String> text) {
        return new Section(id, title, reported ? text.get() : "", reported);
    }

    /** 数据统计期限为2024年1月1日至2024年12月31日。 For a period in progress, the day the figures stand at. */
    static String period(AnnualReport report) {
        ReportPeriod span = report.period().span();
        String text = "数据统计期限为" + span.from().format(DATE) + "至" + span.to().format(DATE);
        return text + (report.period().complete() ? "。" : "，数据截至" + report.asOf().format(DATE) + "。");
    }

    /**
     * 2024年度全校主动公开各类信息7000余条，其中通过学校官网的信息数达1300条，浏览量190余万次；…。 Channels
     * with views or issues but no items of their own follow in a sentence of their own (此外，…).
     */
    static String proactive(AnnualReport report, Numbers numbers, ReportScope scope, Names names) {
        String label = label(report);
        List<String> withItems = report.channels().stream().filter(c -> c.figures().items() > 0)
                .map(c -> channel(c, numbers, scope)).flatMap(Optional::stream).toList();
        List<String> without = report.channels().stream().filter(c -> c.figures().items() == 0)
                .map(c -> channel(c, numbers, scope)).flatMap(Optional::stream).toList();
        StringBuilder text = new StringBuilder();
        if (report.totals().items() > 0) {
            // a province says how many of its institutions the figures come from
            String subject = scope instanceof ReportScope.OneOrg ? scope.subject() : scope.subject() + "（" + names.institutions() + "所高校报送）";
            text.append(label).append(subject).append("主动公开各类信息")
                    .append(NumberPhrasing.phrase(report.totals().items(), numbers.amounts())).append("条");
            if (!withItems.isEmpty()) {
                text.append("，其中").append(String.join("；", withItems));
            }
            text.append("。");
        }
        if (!without.isEmpty()) {
            text.append(text.isEmpty() ? label + "，" : "此外，").append(String.join("；", without)).append("。");
        }
        return text.toString();
    }

    /**
     * 通过学校官网的信息数达1300条，浏览量190余万次; a channel without items of its own starts with
     * its name; none for a channel with neither items, views nor issues.
     */
    static Optional<String> channel(AnnualReport.ChannelLine line, Numbers numbers, ReportScope scope) {
        ChannelFigures c = line.figures();
        if (c.items() == 0 && c.views() == 0 && c.issues() == 0) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (c.items() > 0) {
            parts.add("通过" + line.name() + "的信息数达" + NumberPhrasing.phrase(c.items(), numbers.amounts()) + "条");
        }
        if (c.originalItems() > 0) {
            parts.add("原创信息" + c.originalItems() + "条");
        }
        if (c.views() > 0) {
            parts.add("浏览量" + NumberPhrasing.phrase(c.views(), numbers.amounts()) + "次");
        }
        if (c.readers() > 0) {
            parts.add("阅读人数" + NumberPhrasing.phrase(c.readers(), numbers.people()) + "人");
        }
        if (c.issues() > 0) {
            // an issue number is one paper's; several institutions' papers have none in common
            String issues = "共" + c.issues() + "期" + (c.pages() > 0 ? c.pages() + "版" : "");
            parts.add(scope instanceof ReportScope.OneOrg ? issues + "，达到第" + c.lastIssueNumber() + "期" : issues);
        }
        String clause = String.join("，", parts);
        return Optional.of(c.items() > 0 ? clause : line.name() + clause);
    }

    /**
     * 截至2024年12月31日，微信公众号订阅人数近8万。 At the day the figures stand at; a snapshot from
     * before the period is not the period's and is left out; nothing when no channel has followers.
     */
    static String followers(AnnualReport report, Numbers numbers) {
        List<String> followers = report.channels().stream().filter(c -> c.figures().followers() > 0 && !c.figures().followersStale())
                .map(c -> c.name() + "订阅人数" + NumberPhrasing.phrase(c.figures().followers(), numbers.snapshots()))
                .toList();
        return followers.isEmpty() ? "" : "截至" + report.asOf().format(DATE) + "，" + String.join("，", followers) + "。";
    }

    /** 本年度学校未收到依申请公开的申请。 / 本年度学校共收到依申请公开申请14件，均已答复，其中不予公开2件。 */
    static String requests(AnnualReport report, ReportScope scope) {
        PeriodFigures.Requests requests = report.requests();
        String who = within(report.period().span()) + who(scope);
        if (requests.received() == 0 && requests.answered() == 0 && requests.declined() == 0) {
            return who + "未收到依申请公开的申请。";
        }
        long answered = requests.answered() + requests.declined();
        StringBuilder text = new StringBuilder(who).append("共收到依申请公开申请").append(requests.received()).append("件");
        text.append(answered >= requests.received() ? "，均已答复" : "，已答复" + answered + "件");
        if (requests.declined() > 0) {
            text.append("，其中不予公开").append(requests.declined()).append("件").append(reasons(requests));
        }
        return text.append("。").toString();
    }

    /** （不属于本校公开职责1件、信息不存在1件）: the reasons given, when any was; those without one as 未注明理由. */
    private static String reasons(PeriodFigures.Requests requests) {
        if (requests.declinedByReason().keySet().stream().allMatch(String::isEmpty)) {
            return "";
        }
        List<String> reasons = requests.declinedByReason().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> (e.getKey().isEmpty() ? "未注明理由" : e.getKey()) + e.getValue() + "件").toList();
        return "（" + String.join("、", reasons) + "）";
    }

    /** 本年度学校未收到举报、复议、诉讼。 / 本年度学校收到举报1起，未收到复议、诉讼。 */
    static String complaints(AnnualReport report, ReportScope scope) {
        PeriodFigures.Complaints complaints = report.complaints();
        List<String> received = new ArrayList<>();
        List<String> none = new ArrayList<>();
        for (var kind : List.of(new Kind("举报", complaints.report()), new Kind("复议", complaints.review()), new Kind("诉讼", complaints.lawsuit()))) {
            if (kind.count() > 0) {
                received.add(kind.name() + kind.count() + "起");
            } else {
                none.add(kind.name());
            }
        }
        String who = within(report.period().span()) + who(scope);
        if (received.isEmpty()) {
            return who + "未收到" + String.join("、", none) + "。";
        }
        return who + "收到" + String.join("、", received) + (none.isEmpty() ? "" : "，未收到" + String.join("、", none)) + "。";
    }

    private record Kind(String name, long count) {
    }

    /** 本年度服务热线接受来电402起，窗口来访466起。 Only the kinds there were; nothing without any. */
    static String service(AnnualReport report, Names names) {
        PeriodFigures.ServiceContacts service = report.service();
        List<String> contacts = new ArrayList<>();
        if (service.call() > 0) {
            contacts.add("接受来电" + service.call() + "起");
        }
        if (service.visit() > 0) {
            contacts.add("窗口来访" + service.visit() + "起");
        }
        if (service.online() > 0) {
            contacts.add("网络大厅来访" + service.online() + "起");
        }
        if (service.handled() > 0) {
            contacts.add("共办理事项" + service.handled() + "起");
        }
        return contacts.isEmpty() ? "" : within(report.period().span()) + names.hotline() + String.join("，", contacts) + "。";
    }

    /** 2024年度, or for a period in progress 2026年度（截至2026年12月1日）. */
    private static String label(AnnualReport report) {
        String label = report.period().span().label();
        return report.period().complete() ? label : label + "（截至" + report.asOf().format(DATE) + "）";
    }

    /** 学校, or 全省高校 for a province. */
    private static String who(ReportScope scope) {
        return scope instanceof ReportScope.OneOrg ? "学校" : scope.subject();
    }

    /** 本年度, 本学年, or 统计期内 for a range. */
    private static String within(ReportPeriod period) {
        if (period.label().endsWith("年度")) {
            return "本年度";
        }
        return period.label().endsWith("学年") ? "本学年" : "统计期内";
    }
}
