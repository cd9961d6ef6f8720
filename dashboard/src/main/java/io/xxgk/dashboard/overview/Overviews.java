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
import java.util.Optional;
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
    private static final int TOP_ITEMS = 10;

    private final AnnualReports reports;
    private final StatsQueries stats;

    Overviews(AnnualReports reports, StatsQueries stats) {
        this.reports = reports;
        this.stats = stats;
    }

    LocalDate today(ReportScope scope) {
        return reports.today(scope);
    }

    /** The same days of the year before: all of it for a year that has ended, like for like for one in progress. */
    private static ReportPeriod lastYear(ReportPeriod thisYear, LocalDate today) {
        return thisYear.to().isAfter(today) ? ReportPeriod.range(thisYear.from().minusYears(1), today.minusYears(1))
                : ReportPeriod.year(thisYear.from().getYear() - 1);
    }

    private static LocalDate asOf(ReportPeriod thisYear, LocalDate today) {
        return thisYear.to().isAfter(today) ? today : thisYear.to();
    }

    /** The months of the year and of the year before (of a slice of the items), each month beside its last year's. */
    private CompletableFuture<List<Overview.Month>> months(ReportScope scope, int year, StatsQueries.Slice slice) {
        return async(() -> stats.months(reports.orgs(scope), YearMonth.of(year - 1, 1), YearMonth.of(year, 12), slice)).thenApply(two ->
                IntStream.range(0, 12).mapToObj(m -> new Overview.Month(m + 1, two.get(12 + m).items(), two.get(12 + m).views(),
                        two.get(m).items(), two.get(m).views())).toList());
    }

    /** A year against the one before; a year in progress against the same days of the year before, like for like. */
    Overview of(ReportScope scope, int year) {
        LocalDate today = reports.today(scope);
        ReportPeriod thisYear = ReportPeriod.year(year);
        ReportPeriod lastYear = lastYear(thisYear, today);
        var current = async(() -> reports.report(scope, thisYear, ReportTemplate.Numbers.EXACT));
        var previous = async(() -> reports.report(scope, lastYear, ReportTemplate.Numbers.EXACT));
        var perMonth = months(scope, year, StatsQueries.Slice.ALL);
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
        return new Overview(scope.id(), now.orgName(), year, asOf(thisYear, today),
                stored(stored.join(), year, reports.zone(scope)), Overview.Headline.of(now), Overview.Headline.of(previousReport), channels,
                perMonth.join(), now.departments(), coverage(now), institutions(now, previousReport));
    }

    /** What a drill-down shows of a slice of the items: both years' reports, its months, its most viewed items. */
    private record Drill(AnnualReport now, AnnualReport before, LocalDate asOf, List<Overview.Month> months, List<StatsQueries.ItemViews> topItems) {
    }

    /** A year against the same days of the year before, and the slice's months and items, read at once. */
    private Drill drill(ReportScope scope, int year, StatsQueries.Slice slice) {
        LocalDate today = reports.today(scope);
        ReportPeriod thisYear = ReportPeriod.year(year);
        var current = async(() -> reports.report(scope, thisYear, ReportTemplate.Numbers.EXACT));
        var previous = async(() -> reports.report(scope, lastYear(thisYear, today), ReportTemplate.Numbers.EXACT));
        var perMonth = months(scope, year, slice);
        var top = async(() -> stats.topItems(reports.orgs(scope), slice, thisYear, TOP_ITEMS));
        return new Drill(current.join(), previous.join(), asOf(thisYear, today), perMonth.join(), top.join());
    }

    /**
     * One channel of the overview: the same year and comparison, its months, its most viewed
     * items, its items per checklist category; empty when the scope does not have the channel.
     */
    Optional<ChannelOverview> channel(ReportScope scope, int year, String channel) {
        Drill drill = drill(scope, year, StatsQueries.Slice.channel(channel));
        AnnualReport now = drill.now();
        AnnualReport before = drill.before();
        Optional<AnnualReport.ChannelLine> line = line(now, channel);
        if (line.isEmpty() && line(before, channel).isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, String> names = now.categories().stream()
                .collect(Collectors.toMap(AnnualReport.CategoryLine::number, AnnualReport.CategoryLine::category));
        List<ChannelOverview.Category> categories = line.map(AnnualReport.ChannelLine::categories).orElse(List.of()).stream()
                .filter(c -> c.items() > 0).map(c -> new ChannelOverview.Category(c.number(), names.getOrDefault(c.number(), "未归类"), c.items()))
                .toList();
        String name = line.or(() -> line(before, channel)).orElseThrow().name();
        return Optional.of(new ChannelOverview(scope.id(), now.orgName(), channel, name, year, drill.asOf(), headline(now, channel),
                headline(before, channel), drill.months(), drill.topItems(), categories));
    }

    /**
     * One department of the overview: the same year and comparison, its months, its most viewed
     * items, its checklist items; empty when the scope's reports of either year do not name it.
     */
    Optional<DepartmentOverview> department(ReportScope scope, int year, String department) {
        Drill drill = drill(scope, year, StatsQueries.Slice.department(department));
        AnnualReport now = drill.now();
        AnnualReport before = drill.before();
        Optional<PeriodFigures.DepartmentFigures> figures = figures(now, department);
        if (figures.isEmpty() && figures(before, department).isEmpty()) {
            return Optional.empty();
        }
        List<DepartmentOverview.ChecklistItem> checklist = now.checklist().stream().filter(AnnualReport.ChecklistLine::applicable)
                .filter(c -> c.departments().contains(department) || department.equals(c.responsible()))
                .map(c -> new DepartmentOverview.ChecklistItem(c.item(), c.category(), c.title(), c.departments().contains(department),
                        department.equals(c.responsible()), c.status()))
                .toList();
        Map<String, String> channelNames = now.channels().stream()
                .collect(Collectors.toMap(AnnualReport.ChannelLine::channel, AnnualReport.ChannelLine::name));
        List<DepartmentOverview.TopItem> topItems = drill.topItems().stream()
                .map(i -> new DepartmentOverview.TopItem(channelNames.getOrDefault(i.channel(), i.channel()), i)).toList();
        return Optional.of(new DepartmentOverview(scope.id(), now.orgName(), department, year, drill.asOf(),
                departmentHeadline(now, department), departmentHeadline(before, department), drill.months(), topItems, checklist));
    }

    private static Optional<PeriodFigures.DepartmentFigures> figures(AnnualReport report, String department) {
        return report.departments().stream().filter(d -> d.department().equals(department)).findFirst();
    }

    private static DepartmentOverview.Headline departmentHeadline(AnnualReport report, String department) {
        return new DepartmentOverview.Headline(report.period().span(),
                figures(report, department).orElse(new PeriodFigures.DepartmentFigures(department, 0, 0, 0, 0)));
    }

    private static Optional<AnnualReport.ChannelLine> line(AnnualReport report, String channel) {
        return report.channels().stream().filter(c -> c.channel().equals(channel)).findFirst();
    }

    private static ChannelOverview.Headline headline(AnnualReport report, String channel) {
        return line(report, channel).map(AnnualReport.ChannelLine::figures)
                .map(f -> new ChannelOverview.Headline(report.period().span(), f.items(), f.originalItems(), f.views(), f.followers()))
                .orElse(new ChannelOverview.Headline(report.period().span(), 0, 0, 0, 0));
    }

    /** Each institution of a province's report beside its figures of the year before (those it had). */
    private static List<Overview.Institution> institutions(AnnualReport now, AnnualReport before) {
        Map<String, PeriodFigures.Totals> last = before.orgs().stream()
                .collect(Collectors.toMap(AnnualReport.OrgLine::org, AnnualReport.OrgLine::totals));
        return now.orgs().stream().map(o -> {
            PeriodFigures.Totals t = o.totals();
            PeriodFigures.Totals l = last.getOrDefault(o.org(), PeriodFigures.Totals.NONE);
            return new Overview.Institution(o.org(), o.name(), t.items(), l.items(), t.originalItems(), t.views(), l.views(),
                    o.checklistDisclosed(), o.checklistApplicable());
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
