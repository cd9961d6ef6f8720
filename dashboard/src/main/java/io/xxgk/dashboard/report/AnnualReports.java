package io.xxgk.dashboard.report;

import io.xxgk.registry.Channel;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import io.xxgk.store.report.StatsQueries;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Builds the report of a period from the rollups' figures, the checklist catalog and the channels' names. */
@Component
class AnnualReports {

    private static final Map<String, Channel> CHANNELS = Channel.DEFAULTS.stream().collect(Collectors.toMap(Channel::id, Function.identity()));
    private static final List<String> CHANNEL_ORDER = Channel.DEFAULTS.stream().map(Channel::id).toList();

    private final StatsQueries stats;
    private final ChecklistCatalog catalog;

    AnnualReports(StatsQueries stats, ChecklistCatalog catalog) {
        this.stats = stats;
        this.catalog = catalog;
    }

    AnnualReport report(String org, ReportPeriod period, ReportText.Numbers numbers) {
        PeriodFigures figures = stats.figures(org, period);
        PeriodFigures.Totals totals = figures.totals();
        Map<Integer, PeriodFigures.ChecklistFigures> published = figures.checklist().stream()
                .collect(Collectors.toMap(PeriodFigures.ChecklistFigures::item, Function.identity()));
        List<AnnualReport.ChecklistLine> checklist = catalog.entries().stream().map(entry -> {
            PeriodFigures.ChecklistFigures f = published.get(entry.item());
            return f == null
                    ? new AnnualReport.ChecklistLine(entry.item(), entry.category(), entry.title(), 0, null, List.of())
                    : new AnnualReport.ChecklistLine(entry.item(), entry.category(), entry.title(), f.count(), f.lastDate(), f.departments());
        }).toList();
        AnnualReport report = new AnnualReport(org,
                new AnnualReport.Period(period.from(), period.to(), period.label()),
                new AnnualReport.Totals(totals.items(), totals.originalItems(), totals.views(), totals.readers()),
                figures.channels().stream()
                        .sorted(Comparator.comparingInt(c -> order(c.channel())))
                        .map(c -> new AnnualReport.ChannelLine(c.channel(), name(c.channel()), c.items(), c.originalItems(), c.views(),
                                c.readers(), c.followers(), c.issues(), c.lastIssueNumber(), c.pages()))
                        .toList(),
                checklist,
                figures.departments().stream().map(d -> new AnnualReport.DepartmentLine(d.department(), d.items(), d.originalItems())).toList(),
                new AnnualReport.Requests(figures.requests().received(), figures.requests().answered(), figures.requests().declined()),
                new AnnualReport.Complaints(figures.complaints().report(), figures.complaints().review(), figures.complaints().lawsuit()),
                new AnnualReport.Service(figures.service().call(), figures.service().visit(), figures.service().online(),
                        figures.service().handled()),
                null);
        return report.withText(ReportText.of(report, numbers));
    }

    /** The registry's Chinese name of a default channel; an org's own channel goes by its id until the registry is followed here. */
    private static String name(String channel) {
        Channel known = CHANNELS.get(channel);
        return known == null ? channel : known.name();
    }

    private static int order(String channel) {
        int index = CHANNEL_ORDER.indexOf(channel);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
