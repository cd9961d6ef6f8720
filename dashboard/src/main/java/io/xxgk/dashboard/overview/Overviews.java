package io.xxgk.dashboard.overview;

import io.xxgk.dashboard.report.AnnualReport;
import io.xxgk.dashboard.report.AnnualReports;
import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.registry.ReportTemplate;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import io.xxgk.store.report.StatsQueries;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/** Builds an {@link Overview} from two years' reports and the year's months, read at once. */
@Component
class Overviews {

    private static final ExecutorService READS = Executors.newVirtualThreadPerTaskExecutor();

    private final AnnualReports reports;
    private final StatsQueries stats;

    Overviews(AnnualReports reports, StatsQueries stats) {
        this.reports = reports;
        this.stats = stats;
    }

    LocalDate today(ReportScope scope) {
        return reports.today(scope);
    }

    /** A year against the one before; a year in progress against the same days of the year before, like for like. */
    Overview of(ReportScope scope, int year) {
        LocalDate today = reports.today(scope);
        ReportPeriod thisYear = ReportPeriod.year(year);
        ReportPeriod lastYear = thisYear.to().isAfter(today)
                ? ReportPeriod.range(thisYear.from().minusYears(1), today.minusYears(1))
                : ReportPeriod.year(year - 1);
        var current = async(() -> reports.report(scope, thisYear, ReportTemplate.Numbers.EXACT));
        var previous = async(() -> reports.report(scope, lastYear, ReportTemplate.Numbers.EXACT));
        // the year's months and the year before's, for the trend and its overlay
        var reach = async(() -> stats.months(reports.orgs(scope), YearMonth.of(year - 1, 1), YearMonth.of(year, 12)));
        var stored = async(() -> stats.storedYears(reports.orgs(scope)));

        AnnualReport now = current.join();
        AnnualReport previousReport = previous.join();
        Map<String, PeriodFigures.ChannelFigures> before = previousReport.channels().stream().map(AnnualReport.ChannelLine::figures)
                .collect(Collectors.toMap(PeriodFigures.ChannelFigures::channel, Function.identity()));
        List<Overview.ChannelBar> channels = now.channels().stream().map(line -> {
            PeriodFigures.ChannelFigures c = line.figures();
            PeriodFigures.ChannelFigures last = before.get(c.channel());
            return new Overview.ChannelBar(c.channel(), line.name(), c.items(), last == null ? 0 : last.items(), c.views(),
                    last == null ? 0 : last.views(), c.followers());
        }).toList();
        List<StatsQueries.Reach> twoYears = reach.join();
        List<Overview.Month> perMonth = IntStream.range(0, 12).mapToObj(m -> new Overview.Month(m + 1, twoYears.get(12 + m).items(),
                twoYears.get(12 + m).views(), twoYears.get(m).items(), twoYears.get(m).views())).toList();
        return new Overview(scope.id(), now.orgName(), year, thisYear.to().isAfter(today) ? today : thisYear.to(),
                stored(stored.join(), year, reports.zone(scope)), Overview.Headline.of(now), Overview.Headline.of(previousReport), channels, perMonth, now.departments(),
                coverage(now), institutions(now, previousReport));
    }

    /** Each institution of a province's report beside its figures of the year before (those it had). */
    private static List<Overview.Institution> institutions(AnnualReport now, AnnualReport before) {
        Map<String, PeriodFigures.Totals> last = before.orgs().stream()
                .collect(Collectors.toMap(AnnualReport.OrgLine::org, AnnualReport.OrgLine::totals));
        return now.orgs().stream().map(o -> {
            PeriodFigures.Totals t = o.totals();
            PeriodFigures.Totals l = last.getOrDefault(o.org(), PeriodFigures.Totals.NONE);
            return new Overview.Institution(o.org(), o.name(), t.items(), l.items(), t.originalItems(), t.views(), l.views());
        }).toList();
    }

    private static Overview.Stored stored(List<StatsQueries.StoredYear> years, int year, ZoneId zone) {
        long events = years.stream().filter(y -> y.year() == year).mapToLong(StatsQueries.StoredYear::events).sum();
        OffsetDateTime newest = years.stream().map(StatsQueries.StoredYear::newest).max(Comparator.naturalOrder())
                .map(t -> t.atZone(zone).toOffsetDateTime()).orElse(null);
        return new Overview.Stored(events, newest, years.stream().map(StatsQueries.StoredYear::year).toList());
    }

    /** Per category: the applicable items disclosed, of the applicable items. */
    private static Overview.Coverage coverage(AnnualReport report) {
        Map<String, List<AnnualReport.ChecklistLine>> byCategory = report.checklist().stream().filter(AnnualReport.ChecklistLine::applicable)
                .collect(Collectors.groupingBy(AnnualReport.ChecklistLine::category, LinkedHashMap::new, Collectors.toList()));
        List<Overview.CategoryCoverage> categories = byCategory.entrySet().stream()
                .map(e -> new Overview.CategoryCoverage(e.getKey(), e.getValue().stream().filter(AnnualReport.ChecklistLine::disclosed).count(),
                        e.getValue().size())).toList();
        return new Overview.Coverage(categories.stream().mapToLong(Overview.CategoryCoverage::published).sum(),
                categories.stream().mapToLong(Overview.CategoryCoverage::total).sum(), categories);
    }

    private static <T> CompletableFuture<T> async(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, READS);
    }
}
