package io.xxgk.dashboard.report;

import io.xxgk.dashboard.checklist.Checklists;
import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.registry.Channel;
import io.xxgk.registry.Org;
import io.xxgk.registry.Registry;
import io.xxgk.registry.ReportTemplate;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import io.xxgk.store.report.StatsQueries;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Builds the report of a period from the rollups' figures, the org's checklist and its channels (order and names) in the registry. */
@Component
public class AnnualReports {

    private final StatsQueries stats;
    private final Checklists checklists;
    private final Registry registry;
    private final ReportTemplates templates;
    private final Clock clock;

    AnnualReports(StatsQueries stats, Checklists checklists, Registry registry, ReportTemplates templates, Clock clock) {
        this.stats = stats;
        this.checklists = checklists;
        this.registry = registry;
        this.templates = templates;
        this.clock = clock;
    }

    /** Where the scope's days are counted: the org's zone, China's for a province. */
    public ZoneId zone(ReportScope scope) {
        return switch (scope) {
            case ReportScope.OneOrg one -> registry.org(one.org()).map(Org::zone).orElse(ZoneId.of(Org.DEFAULT_TIME_ZONE));
            case ReportScope.Province province -> ZoneId.of(Org.DEFAULT_TIME_ZONE);
        };
    }

    /** Today in the scope's {@link #zone}. */
    public LocalDate today(ReportScope scope) {
        return LocalDate.now(clock.withZone(zone(scope)));
    }

    /** The scope's report written by its template, with figures {@code numbers} unless the template says otherwise per figure. */
    public AnnualReport report(ReportScope scope, ReportPeriod period, ReportTemplate.Numbers numbers) {
        return report(scope, period, templates.of(scope), numbers);
    }

    /**
     * The scope's report: one org's, or the province's (every org in the registry counted, then added).
     *
     * @param template the scope's template, completed ({@link ReportTemplates}): the channels' order and the text's words
     */
    public AnnualReport report(ReportScope scope, ReportPeriod asked, ReportTemplate template, ReportTemplate.Numbers numbers) {
        // 2020-2021学年度 where the org writes it so
        ReportPeriod period = asked.label().endsWith("学年") ? new ReportPeriod(asked.from(), asked.to(),
                asked.label().replace("学年", template.academicYearLabel())) : asked;
        PeriodFigures figures = stats.figures(orgs(scope), period);
        String org = scope.id();
        Checklists.Edition edition = checklists.of(scope);
        // the org's channels in its order and with its names; a province's report names the default channels
        List<Channel> known = registry.org(org).map(Org::channels).orElse(Channel.DEFAULTS);
        Map<String, Channel> byId = known.stream().collect(Collectors.toMap(Channel::id, Function.identity()));
        Map<Integer, PeriodFigures.ChecklistFigures> published = figures.checklist().stream()
                .collect(Collectors.toMap(PeriodFigures.ChecklistFigures::item, Function.identity()));
        List<AnnualReport.ChecklistLine> checklist = edition.entries().stream().map(entry -> {
            PeriodFigures.ChecklistFigures f = published.get(entry.item());
            return new AnnualReport.ChecklistLine(entry.item(), entry.category(), entry.title(), f == null ? 0 : f.count(),
                    f == null ? null : f.lastDate(), f == null ? List.of() : f.departments(), entry.link(),
                    entry.applicable() && figures.disclosed().contains(entry.item()), entry.applicable(), entry.department(),
                    entry.categoryNumber());
        }).toList();
        Map<Integer, Integer> categoryOf = edition.entries().stream()
                .collect(Collectors.toMap(Checklists.Entry::item, Checklists.Entry::categoryNumber));
        LocalDate asOf = period.asOf(today(scope));
        AnnualReport report = new AnnualReport(org, new AnnualReport.Period(period, asOf.equals(period.to())), figures.totals(),
                figures.channels().stream()
                        .sorted(Comparator.comparingInt(c -> order(template.channels(), c.channel())))
                        .map(c -> new AnnualReport.ChannelLine(byId.containsKey(c.channel()) ? byId.get(c.channel()).name() : c.channel(), c,
                                categories(figures.checklist(), categoryOf, c.channel()),
                                byId.containsKey(c.channel()) ? byId.get(c.channel()).kind() : null))
                        .toList(),
                checklist, figures.departments(), figures.requests(), figures.complaints(), figures.service(), null, asOf, List.of(),
                categories(edition, checklist), institutions(scope, figures), figures.reported(), name(scope));
        int institutions = (int) report.orgs().stream().filter(o -> o.totals().items() > 0 || o.totals().views() > 0).count();
        return report.withSections(ReportText.sections(report, new ReportText.Wording(template, numbers), scope, institutions));
    }

    /** The name documents print: the org's (示例大学), or 全省高校 for a province. */
    private String name(ReportScope scope) {
        return switch (scope) {
            case ReportScope.OneOrg one -> registry.org(one.org()).map(Org::name).orElse(one.org());
            case ReportScope.Province province -> province.subject();
        };
    }

    /** A province's institutions with their totals and checklist coverage, most items first; none in one org's report. */
    private List<AnnualReport.OrgLine> institutions(ReportScope scope, PeriodFigures figures) {
        if (scope instanceof ReportScope.OneOrg) {
            return List.of();
        }
        Map<String, Set<Integer>> disclosed = stats.disclosedByOrg(figures.orgs(), figures.period());
        return stats.totalsByOrg(figures.orgs(), figures.period()).entrySet().stream().map(e -> {
            List<Checklists.Entry> applicable = checklists.of(e.getKey()).entries().stream().filter(Checklists.Entry::applicable).toList();
            Set<Integer> online = disclosed.getOrDefault(e.getKey(), Set.of());
            return new AnnualReport.OrgLine(e.getKey(), registry.org(e.getKey()).map(Org::name).orElse(e.getKey()), e.getValue(),
                    applicable.stream().filter(entry -> online.contains(entry.item())).count(), applicable.size());
        }).sorted(Comparator.comparingLong((AnnualReport.OrgLine o) -> o.totals().items()).reversed().thenComparing(AnnualReport.OrgLine::org))
                .toList();
    }

    /** Per category of the edition, in its order: items published, checklist items disclosed, and applicable. */
    private static List<AnnualReport.CategoryLine> categories(Checklists.Edition edition, List<AnnualReport.ChecklistLine> lines) {
        Map<Integer, List<AnnualReport.ChecklistLine>> byCategory = new LinkedHashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Checklists.Entry entry = edition.entries().get(i);
            byCategory.computeIfAbsent(entry.categoryNumber(), n -> new ArrayList<>()).add(lines.get(i));
            names.putIfAbsent(entry.categoryNumber(), entry.category());
        }
        return byCategory.entrySet().stream().map(e -> new AnnualReport.CategoryLine(e.getKey(), names.get(e.getKey()),
                e.getValue().stream().mapToLong(AnnualReport.ChecklistLine::count).sum(),
                e.getValue().stream().filter(AnnualReport.ChecklistLine::disclosed).count(),
                e.getValue().stream().filter(AnnualReport.ChecklistLine::applicable).count())).toList();
    }

    /** One channel's items per checklist category, the categories it published in, in order. */
    private static List<AnnualReport.CategoryItems> categories(List<PeriodFigures.ChecklistFigures> checklist, Map<Integer, Integer> categoryOf,
                                                               String channel) {
        Map<Integer, Long> items = new TreeMap<>();
        for (PeriodFigures.ChecklistFigures f : checklist) {
            Long n = f.channels().get(channel);
            if (n != null && categoryOf.containsKey(f.item())) {
                items.merge(categoryOf.get(f.item()), n, Long::sum);
            }
        }
        return items.entrySet().stream().map(e -> new AnnualReport.CategoryItems(e.getKey(), e.getValue())).toList();
    }

    /** The orgs whose figures make the scope's report. */
    public List<String> orgs(ReportScope scope) {
        return switch (scope) {
            case ReportScope.Province province -> registry.orgs().stream().map(Org::id).toList();
            case ReportScope.OneOrg one -> List.of(one.org());
        };
    }

    /** In the template's order; unknown channels (events of a channel since removed from the registry) come last. */
    private static int order(List<ReportTemplate.ChannelWording> known, String channel) {
        for (int i = 0; i < known.size(); i++) {
            if (known.get(i).channel().equals(channel)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
