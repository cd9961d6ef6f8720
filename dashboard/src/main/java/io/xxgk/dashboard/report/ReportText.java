package io.xxgk.dashboard.report;

import io.xxgk.dashboard.report.AnnualReport.Section;
import io.xxgk.dashboard.report.NumberPhrasing.Style;
import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.registry.ReportTemplate.ChannelWording;
import io.xxgk.registry.ReportTemplate.Figure;
import io.xxgk.registry.ReportTemplate.Numbers;
import io.xxgk.registry.ReportTemplate;
import io.xxgk.store.report.PeriodFigures.ChannelFigures;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The statistics of the annual report as its sections, in the style of the real ones, one
 * sentence a method: the period; the items disclosed with each channel's items and views, and the
 * followers at the figures' date; requests (a declined request is an answer); complaints; service
 * contacts. Zeros are written as reports write them (未收到…), and a kind of figure nobody has ever
 * sent is left out: no data is not zero. The org's {@link ReportTemplate} decides the channels'
 * order and words, which figures appear and how each is rounded, and which sections appear; every
 * sentence reads right with any of its figures left out.
 */
public final class ReportText {

    /** The ids of the sections, in the report's order. */
    public static final List<String> SECTIONS = List.of("period", "proactive", "requests", "complaints", "service");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private ReportText() {
    }

    /**
     * The template as the text applies it: each figure's style, or empty when it is left out.
     *
     * @param template the org's template, completed ({@link ReportTemplates#complete}): every channel listed, every word there
     * @param numbers  the report's choice, else the template's: how figures without a style of their own are written
     */
    record Wording(ReportTemplate template, Numbers numbers) {

        /** How one channel is written; a channel the template does not know (since removed) under its id. */
        ChannelWording channel(String id) {
            return template.channels().stream().filter(c -> c.channel().equals(id)).findFirst()
                    .orElseGet(() -> ReportTemplates.complete(new ChannelWording(id, null, null, null, null, null, null, null, null, null,
                            null, null, null, null), id));
        }

        Optional<Style> total() {
            return style(template.total(), Style.OVER);
        }

        /** Items: 7000余条. */
        Optional<Style> amount(Figure figure) {
            return style(figure, Style.OVER);
        }

        /** Views: 190余万次, or where the channel says so 2000万多次. */
        Optional<Style> views(ChannelWording channel) {
            return style(channel.views(), "多".equals(channel.viewsRoundWith()) ? Style.MORE : Style.OVER);
        }

        /** Readers: 78万人. */
        Optional<Style> people(Figure figure) {
            return style(figure, Style.ROUNDED);
        }

        /** Followers at a date: 近8万. */
        Optional<Style> snapshot(Figure figure) {
            return style(figure, Style.NEARLY);
        }

        /** Figures reports never round (原创信息256条, 共15期): exact unless rounded on purpose. */
        Optional<Style> small(Figure figure) {
            return figure == null ? Optional.of(Style.EXACT) : amount(figure);
        }

        private Optional<Style> style(Figure figure, Style rounded) {
            Figure chosen = figure != null ? figure : numbers == Numbers.ROUNDED ? Figure.ROUNDED : Figure.EXACT;
            return switch (chosen) {
                case EXACT -> Optional.of(Style.EXACT);
                case ROUNDED -> Optional.of(rounded);
                case OFF -> Optional.empty();
            };
        }
    }

    /** @param institutions in a province's report, how many institutions sent figures for the period */
    static List<Section> sections(AnnualReport report, Wording wording, ReportScope scope, int institutions) {
        PeriodFigures.Reported reported = report.reported();
        return Stream.of(
                        new Section("period", "数据统计期限", period(report), true),
                        section("proactive", "主动公开情况", reported.proactive(),
                                () -> proactive(report, wording, scope, institutions) + followers(report, wording)),
                        section("requests", "依申请公开和不予公开情况", reported.requests(), () -> requests(report, scope)),
                        section("complaints", "因学校信息公开工作受到举报、复议、诉讼的情况", reported.complaints(), () -> complaints(report, scope)),
                        section("service", "信息公开服务情况", reported.service(), () -> service(report, wording)))
                .filter(s -> wording.template().shows(s.id())).toList();
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
     * whose items are not written (none, or left out) follow in a sentence of their own (此外，…).
     */
    static String proactive(AnnualReport report, Wording wording, ReportScope scope, int institutions) {
        String label = label(report);
        List<AnnualReport.ChannelLine> shown = report.channels().stream().filter(c -> channel(c, wording, scope, false).isPresent()).toList();
        List<AnnualReport.ChannelLine> withItems = shown.stream().filter(c -> itemsShown(c, wording)).toList();
        List<AnnualReport.ChannelLine> without = shown.stream().filter(c -> !itemsShown(c, wording)).toList();
        Optional<Style> total = wording.total().filter(t -> report.totals().items() > 0);
        StringBuilder text = new StringBuilder();
        if (total.isPresent() || !withItems.isEmpty()) {
            // a province says how many of its institutions the figures come from
            String subject = scope instanceof ReportScope.OneOrg ? scope.subject() : scope.subject() + "（" + institutions + "所高校报送）";
            text.append(label).append(subject).append("主动公开各类信息");
            total.ifPresent(style -> text.append(NumberPhrasing.phrase(report.totals().items(), style)).append("条"));
            if (!withItems.isEmpty()) {
                text.append("，其中").append(clauses(withItems, wording, scope, true));
            }
            text.append("。");
        }
        if (!without.isEmpty()) {
            text.append(text.isEmpty() ? label + "，" : "此外，").append(clauses(without, wording, scope, false)).append("。");
        }
        return text.toString();
    }

    /** The channels' clauses, apart by "；", or by "，" where a channel continues the previous one's items. */
    private static String clauses(List<AnnualReport.ChannelLine> lines, Wording wording, ReportScope scope, boolean withItems) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            boolean continues = withItems && i > 0 && Boolean.TRUE.equals(wording.channel(lines.get(i).channel()).joinPrevious());
            if (i > 0) {
                text.append(continues ? "，" : "；");
            }
            text.append(channel(lines.get(i), wording, scope, continues).orElseThrow());
        }
        return text.toString();
    }

    /**
     * 通过学校官网的信息数达1300条，浏览量190余万次; continuing the previous channel, 电子政务平台达1259条; a
     * channel whose items are not written starts with its name (学校官网浏览量190余万次); none for a
     * channel with nothing to write.
     */
    static Optional<String> channel(AnnualReport.ChannelLine line, Wording wording, ReportScope scope, boolean continues) {
        ChannelWording words = wording.channel(line.channel());
        List<String> figures = figures(line, wording, scope);
        if (!itemsShown(line, wording)) {
            return figures.isEmpty() ? Optional.empty() : Optional.of(words.label() + String.join("，", figures));
        }
        String items = NumberPhrasing.phrase(line.figures().items(), wording.amount(words.items()).orElseThrow()) + "条";
        List<String> parts = new ArrayList<>();
        parts.add(continues ? words.label() + "达" + items : "通过" + words.label() + words.verb() + "的信息数达" + items);
        parts.addAll(figures);
        return Optional.of(String.join("，", parts));
    }

    private static boolean itemsShown(AnnualReport.ChannelLine line, Wording wording) {
        ChannelWording words = wording.channel(line.channel());
        return line.figures().items() > 0 && wording.amount(words.items()).isPresent();
    }

    /** The figures of a channel's clause after its items: each non-zero and not left out. */
    private static List<String> figures(AnnualReport.ChannelLine line, Wording wording, ReportScope scope) {
        ChannelFigures c = line.figures();
        ChannelWording words = wording.channel(line.channel());
        List<String> parts = new ArrayList<>();
        figure(parts, c.originalItems(), wording.small(words.originalItems()), n -> "原创信息" + n + "条");
        figure(parts, c.views(), wording.views(words), n -> words.viewsLabel() + n + "次");
        figure(parts, c.readers(), wording.people(words.readers()), n -> words.readersLabel() + n + "人");
        if (c.issues() > 0 && words.issues() != Figure.OFF) {
            // an issue number is one paper's; several institutions' papers have none in common
            String issues = "共" + c.issues() + "期" + (c.pages() > 0 ? c.pages() + "版" : "");
            parts.add(scope instanceof ReportScope.OneOrg ? issues + "，达到第" + c.lastIssueNumber() + "期" : issues);
        }
        return parts;
    }

    private static void figure(List<String> parts, long n, Optional<Style> style, Function<String, String> words) {
        if (n > 0) {
            style.ifPresent(s -> parts.add(words.apply(NumberPhrasing.phrase(n, s))));
        }
    }

    /**
     * 截至2024年12月31日，微信公众号订阅人数近8万。 At the day the figures stand at; a snapshot from
     * before the period is not the period's and is left out; nothing when no channel has followers to write.
     */
    static String followers(AnnualReport report, Wording wording) {
        List<String> followers = new ArrayList<>();
        for (AnnualReport.ChannelLine c : report.channels()) {
            ChannelWording words = wording.channel(c.channel());
            if (!c.figures().followersStale()) {
                figure(followers, c.figures().followers(), wording.snapshot(words.followers()), n -> words.label() + words.followersLabel() + n);
            }
        }
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

    /** 本年度服务热线接受来电402起，窗口来访466起, under the hotline's label. Only the kinds there were; nothing without any. */
    static String service(AnnualReport report, Wording wording) {
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
        return contacts.isEmpty() ? "" : within(report.period().span()) + wording.channel("hotline").label() + String.join("，", contacts) + "。";
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

    /** 本年度, 本学年 (本学年度), or 统计期内 for a range. */
    private static String within(ReportPeriod period) {
        if (period.label().endsWith("学年") || period.label().endsWith("学年度")) {
            return period.label().endsWith("度") ? "本学年度" : "本学年";
        }
        return period.label().endsWith("年度") ? "本年度" : "统计期内";
    }
}
