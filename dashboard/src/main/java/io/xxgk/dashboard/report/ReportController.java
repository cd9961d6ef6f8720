package io.xxgk.dashboard.report;

import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Registrar;
import io.xxgk.registry.ReportTemplate;
import io.xxgk.store.report.PeriodQuery;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/orgs/{org}/report?year=2024 | academicYear=2020 | from=2021-01-01&to=2021-10-30}:
 * the statistics section of the annual report for the period (DESIGN.md, report API), as JSON for
 * everyone who sees the org and as a file (CSV, XLSX, DOCX) for writers.
 * {@code GET /api/v1/province/report?...}: the same, added up over every org, for the PROVINCE role.
 */
@RestController
@RequestMapping({"/api/v1/orgs/{org}/report", "/api/v1/province/report"})
class ReportController {

    static final String PREVIEW_MEDIA_TYPE = "application/vnd.xxgk.report-preview+json";
    private static final String FILE = "信息公开统计";

    private final ReportRequests requests;
    private final ReportTemplates templates;
    private final Registrar registrar;

    ReportController(ReportRequests requests, ReportTemplates templates, Registrar registrar) {
        this.requests = requests;
        this.templates = templates;
        this.registrar = registrar;
    }

    @GetMapping(produces = "application/json")
    AnnualReport report(ReportScope scope, PeriodQuery query, @RequestParam(required = false) String numbers, Authentication login) {
        return requests.report(scope, query, numbers, Viewer.of(login), Role.LEADER);
    }

    /** The report page's preview ({@code format=preview}): the paragraph and the tables the files hold, cell by cell. */
    record Preview(String orgName, AnnualReport.Period period, LocalDate asOf, String text, List<AnnualReport.Section> sections,
                   ReportTables tables) {

        static Preview of(AnnualReport report) {
            return new Preview(report.orgName(), report.period(), report.asOf(), report.text(), report.sections(), ReportTables.of(report));
        }
    }

    @GetMapping(produces = PREVIEW_MEDIA_TYPE)
    Preview preview(ReportScope scope, PeriodQuery query, @RequestParam(required = false) String numbers, Authentication login) {
        return Preview.of(requests.report(scope, query, numbers, Viewer.of(login), Role.LEADER));
    }

    /**
     * {@code POST /api/v1/orgs/{org}/report/preview} (WRITER and up) with a draft of the org's
     * template: the preview as the draft would write it, before anyone saves it; a draft the
     * template's rules refuse is refused the same way.
     */
    @PostMapping(path = "/preview", produces = {PREVIEW_MEDIA_TYPE, "application/json"})
    Preview previewDraft(ReportScope scope, PeriodQuery query, @RequestParam(required = false) String numbers,
                         @RequestBody(required = false) ReportTemplate draft, Authentication login) {
        return Preview.of(requests.report(scope, query, numbers, Viewer.of(login), Role.WRITER,
                () -> templates.draft(scope, registrar.checkReportTemplate(scope.id(), draft, ReportTemplateController.SECTIONS))));
    }

    /** {@code Accept: text/csv} or {@code format=csv}: a file to download. */
    @GetMapping(produces = "text/csv")
    ResponseEntity<byte[]> csv(ReportScope scope, PeriodQuery query, @RequestParam(required = false) String numbers, Authentication login) {
        AnnualReport report = requests.report(scope, query, numbers, Viewer.of(login), Role.WRITER);
        return ReportRequests.file(report, FILE, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8), ReportCsv.of(report));
    }

    /** {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet} or {@code format=xlsx}. */
    @GetMapping(produces = ReportXlsx.MEDIA_TYPE)
    ResponseEntity<byte[]> xlsx(ReportScope scope, PeriodQuery query, @RequestParam(required = false) String numbers, Authentication login) {
        AnnualReport report = requests.report(scope, query, numbers, Viewer.of(login), Role.WRITER);
        return ReportRequests.file(report, FILE, "xlsx", MediaType.parseMediaType(ReportXlsx.MEDIA_TYPE), ReportXlsx.of(report));
    }

    /** {@code Accept: application/vnd.openxmlformats-officedocument.wordprocessingml.document} or {@code format=docx}. */
    @GetMapping(produces = ReportDocx.MEDIA_TYPE)
    ResponseEntity<byte[]> docx(ReportScope scope, PeriodQuery query, @RequestParam(required = false) String numbers, Authentication login) {
        AnnualReport report = requests.report(scope, query, numbers, Viewer.of(login), Role.WRITER);
        return ReportRequests.file(report, FILE, "docx", MediaType.parseMediaType(ReportDocx.MEDIA_TYPE), ReportDocx.of(report));
    }
}
