package io.xxgk.dashboard.annualreport;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.xxgk.dashboard.report.AnnualReport;
import io.xxgk.dashboard.report.AnnualReports;
import io.xxgk.dashboard.report.Outline;
import io.xxgk.dashboard.report.ReportTemplates;
import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.registry.AnnualReportDraft;
import io.xxgk.registry.Registrar;
import io.xxgk.registry.Registry;
import io.xxgk.registry.ReportTemplate;
import io.xxgk.store.report.ReportPeriod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Each org's annual report draft per year: the writer's texts of the report's sections (saved,
 * versioned, the history kept), the statistics written from the year's data by the org's report
 * template, and for a year not yet saved the previous year's texts to start from (or, the first
 * year, the outline with what each section holds).
 */
@Component
class AnnualReportDrafts {

    static final List<String> IDS = Arrays.stream(Outline.values()).map(Outline::id).toList();

    private final Registry registry;
    private final Registrar registrar;
    private final AnnualReports reports;
    private final ReportTemplates templates;

    AnnualReportDrafts(Registry registry, Registrar registrar, AnnualReports reports, ReportTemplates templates) {
        this.registry = registry;
        this.registrar = registrar;
        this.reports = reports;
        this.templates = templates;
    }

    /**
     * The draft as the writer edits it and the document prints it.
     *
     * @param carriedFrom the year whose texts a draft not yet saved starts from, or null
     * @param statistics  the report the statistics come from (for the documents' tables)
     */
    record Draft(String org, String orgName, int year, int version, Integer carriedFrom, String changedBy, Instant changedAt,
                 List<Section> sections, List<Version> versions, @JsonIgnore AnnualReport statistics) {
    }

    /**
     * @param text       the writer's text (empty until written)
     * @param version    the draft version that last changed it (0: not saved this year)
     * @param statistics what the data says for this section, by the org's template ("" for none)
     * @param hint       what the section holds, for the writer
     */
    record Section(String id, String title, String text, int version, String statistics, String hint) {
    }

    record Version(int version, String changedBy, Instant changedAt) {
    }

    Draft of(String org, int year) {
        ReportScope scope = new ReportScope.OneOrg(org);
        ReportTemplate template = templates.of(scope);
        AnnualReport statistics = reports.report(scope, ReportPeriod.year(year), template, template.numbers());
        Optional<AnnualReportDraft> saved = registry.annualReport(org, year);
        Optional<AnnualReportDraft> start = saved.isPresent() ? saved : registry.annualReportBefore(org, year);
        List<Section> sections = new ArrayList<>();
        for (Outline part : Outline.values()) {
            Optional<AnnualReportDraft.Section> written = start.flatMap(d -> d.section(part.id()));
            String stats = part.statistics().flatMap(id -> statistics.sections().stream().filter(s -> s.id().equals(id)).findFirst())
                    .map(AnnualReport.Section::text).orElse("");
            sections.add(new Section(part.id(), part.heading(), written.map(AnnualReportDraft.Section::text).orElse(""),
                    saved.isPresent() ? written.map(AnnualReportDraft.Section::version).orElse(0) : 0, stats, part.hint()));
        }
        List<Version> versions = registry.annualReportHistory(org, year).stream()
                .map(d -> new Version(d.version(), d.changedBy(), d.changedAt())).toList();
        return new Draft(org, statistics.orgName(), year, saved.map(AnnualReportDraft::version).orElse(0),
                saved.isPresent() ? null : start.map(AnnualReportDraft::year).orElse(null),
                saved.map(AnnualReportDraft::changedBy).orElse(null), saved.map(AnnualReportDraft::changedAt).orElse(null),
                sections, versions, statistics);
    }

    /**
     * Saves the sections given; on the year's first save the others keep the texts the draft
     * started from (last year's), not blanks.
     */
    Draft save(String org, int year, Integer version, List<Registrar.SectionText> changes, String by) {
        List<Registrar.SectionText> sections = changes;
        if (changes != null && registry.annualReport(org, year).isEmpty()) {
            Set<String> given = new HashSet<>();
            changes.stream().filter(c -> c != null && c.id() != null).forEach(c -> given.add(c.id()));
            sections = new ArrayList<>(changes);
            for (AnnualReportDraft.Section carried : registry.annualReportBefore(org, year).map(AnnualReportDraft::sections).orElse(List.of())) {
                if (!given.contains(carried.id())) {
                    sections.add(new Registrar.SectionText(carried.id(), carried.text()));
                }
            }
        }
        registrar.saveAnnualReport(org, year, version, sections, IDS, by);
        return of(org, year);
    }
}
