package io.xxgk.dashboard.report;

import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.dashboard.web.InvalidInput;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.ReportTemplate;
import io.xxgk.store.report.PeriodQuery;
import io.xxgk.store.report.ReportPeriod;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every request for a report's figures does first: the period and {@code numbers=} read
 * (400 naming the parameter), the viewer's right checked, the report built by the scope's
 * template; and how its files are sent (named after the institution and the period).
 */
@Component
class ReportRequests {

    private static final String KIND = "report-query";

    private final AnnualReports reports;
    private final ReportTemplates templates;
    private final OrgAccess access;

    ReportRequests(AnnualReports reports, ReportTemplates templates, OrgAccess access) {
        this.reports = reports;
        this.templates = templates;
        this.access = access;
    }

    /** The report by the scope's saved template. */
    AnnualReport report(ReportScope scope, PeriodQuery query, String numbers, Viewer viewer, Role role) {
        return report(scope, query, numbers, viewer, role, () -> templates.of(scope));
    }

    /** @param template the template to write it by, asked for once the viewer may see the report */
    AnnualReport report(ReportScope scope, PeriodQuery query, String numbers, Viewer viewer, Role role, Supplier<ReportTemplate> template) {
        ReportPeriod period = period(scope, query);
        ReportTemplate.Numbers style = numbers(numbers);
        access.check(viewer, scope, role);
        ReportTemplate chosen = template.get();
        return reports.report(scope, period, chosen, style == null ? chosen.numbers() : style);
    }

    /** A file to download: 示例大学2024年度{what}.{extension}. */
    static ResponseEntity<byte[]> file(AnnualReport report, String what, String extension, MediaType type, byte[] body) {
        String name = report.orgName() + report.period().span().label() + what + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** The report's {@code numbers=}, or null for the template's. */
    private static ReportTemplate.Numbers numbers(String numbers) {
        return switch (numbers) {
            case null -> null;
            case "rounded" -> ReportTemplate.Numbers.ROUNDED;
            case "exact" -> ReportTemplate.Numbers.EXACT;
            default -> throw invalid("numbers", "must be exact or rounded (without it, the org's report template decides)");
        };
    }

    private ReportPeriod period(ReportScope scope, PeriodQuery query) {
        try {
            return query.period(reports.today(scope));
        } catch (PeriodQuery.Invalid e) {
            throw invalid(e.parameter(), e.reason());
        }
    }

    private static InvalidInput invalid(String parameter, String reason) {
        return InvalidInput.of(KIND, parameter, reason).with("accepted", PeriodQuery.ACCEPTED);
    }
}
