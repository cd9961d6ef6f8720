package io.xxgk.dashboard.annualreport;

import io.xxgk.dashboard.report.AnnualReports;
import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.dashboard.web.InvalidInput;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Registrar;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/orgs/{org}/annual-report?year=2024}: the org's whole annual report draft for
 * the year, its sections in the outline's order (JSON; {@code format=docx} as one document with
 * the 清单 attached); {@code PUT} (WRITER and up) saves the sections' texts given the version the
 * edit started from (409 when someone saved since); every version is kept.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/annual-report")
class AnnualReportController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final AnnualReportDrafts drafts;
    private final AnnualReports reports;
    private final OrgAccess access;

    AnnualReportController(AnnualReportDrafts drafts, AnnualReports reports, OrgAccess access) {
        this.drafts = drafts;
        this.reports = reports;
        this.access = access;
    }

    /** What a save sends: the version edited from, and the sections changed. */
    record Edit(Integer version, List<Registrar.SectionText> sections) {
    }

    @GetMapping(produces = "application/json")
    AnnualReportDrafts.Draft draft(ReportScope scope, @RequestParam(required = false) String year, Authentication login) {
        int y = year(scope, year);
        access.check(Viewer.of(login), scope, Role.LEADER);
        return drafts.of(scope.id(), y);
    }

    @GetMapping(produces = DOCX)
    ResponseEntity<byte[]> docx(ReportScope scope, @RequestParam(required = false) String year, Authentication login) {
        int y = year(scope, year);
        access.check(Viewer.of(login), scope, Role.WRITER);
        AnnualReportDrafts.Draft draft = drafts.of(scope.id(), y);
        String name = draft.orgName() + y + "年度信息公开工作年度报告.docx";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DOCX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(DraftDocx.of(draft));
    }

    @PutMapping
    AnnualReportDrafts.Draft save(ReportScope scope, @RequestParam(required = false) String year, @RequestBody(required = false) Edit edit,
                                  Authentication login) {
        int y = year(scope, year);
        Viewer viewer = Viewer.of(login);
        access.checkChange(viewer, scope, Role.WRITER);
        if (edit == null) {
            throw InvalidInput.of("annual-report", "body", "is required: {\"version\": n, \"sections\": [{\"id\", \"text\"}]}");
        }
        return drafts.save(scope.id(), y, edit.version(), edit.sections(), viewer.name());
    }

    /** A year from 2000 to this one: a report is drafted for a year that has begun. */
    private int year(ReportScope scope, String year) {
        int thisYear = reports.today(scope).getYear();
        try {
            int y = Integer.parseInt(year == null ? "" : year.strip());
            if (y >= 2000 && y <= thisYear) {
                return y;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the parameter
        }
        throw InvalidInput.of("annual-report-query", "year", "is required: a year from 2000 to " + thisYear);
    }
}
