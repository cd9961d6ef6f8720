package io.xxgk.dashboard.report;

import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.store.report.PeriodQuery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/orgs/{org}/checklist-table?<period>&format=docx|xlsx} (WRITER and up): the
 * 清单事项公开情况表 of the period as the report's attachment, landscape, its categories merged and
 * numbered 一…十.
 */
@RestController
@RequestMapping({"/api/v1/orgs/{org}/checklist-table", "/api/v1/province/checklist-table"})
class ChecklistTableController {

    private static final String FILE = "信息公开事项清单公开情况表";

    private final ReportRequests requests;

    ChecklistTableController(ReportRequests requests) {
        this.requests = requests;
    }

    @GetMapping(produces = ReportDocx.MEDIA_TYPE)
    ResponseEntity<byte[]> docx(ReportScope scope, PeriodQuery query, Authentication login) {
        AnnualReport report = requests.report(scope, query, null, Viewer.of(login), Role.WRITER);
        return ReportRequests.file(report, FILE, "docx", MediaType.parseMediaType(ReportDocx.MEDIA_TYPE), ReportDocx.checklist(report));
    }

    @GetMapping(produces = ReportXlsx.MEDIA_TYPE)
    ResponseEntity<byte[]> xlsx(ReportScope scope, PeriodQuery query, Authentication login) {
        AnnualReport report = requests.report(scope, query, null, Viewer.of(login), Role.WRITER);
        return ReportRequests.file(report, FILE, "xlsx", MediaType.parseMediaType(ReportXlsx.MEDIA_TYPE), ReportXlsx.checklist(report));
    }
}
