package io.xxgk.dashboard.report;

import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Registrar;
import io.xxgk.registry.ReportTemplate;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/orgs/{org}/report-template}: how the org's report writes its statistics, every
 * channel and section listed; {@code PUT} (WRITER and up): its next version, given the version it
 * was edited from (409 when someone saved since). The report page previews a draft through
 * {@code POST /api/v1/orgs/{org}/report/preview} before it is saved.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/report-template")
class ReportTemplateController {

    static final Set<String> SECTIONS = Set.copyOf(ReportText.SECTIONS);

    private final ReportTemplates templates;
    private final Registrar registrar;
    private final OrgAccess access;

    ReportTemplateController(ReportTemplates templates, Registrar registrar, OrgAccess access) {
        this.templates = templates;
        this.registrar = registrar;
        this.access = access;
    }

    @GetMapping
    ReportTemplate template(ReportScope scope, Authentication login) {
        access.check(Viewer.of(login), scope, Role.WRITER);
        return templates.of(scope);
    }

    @PutMapping
    ReportTemplate save(ReportScope scope, @RequestBody(required = false) ReportTemplate draft, Authentication login) {
        Viewer viewer = Viewer.of(login);
        access.checkChange(viewer, scope, Role.WRITER);
        registrar.saveReportTemplate(scope.id(), draft, SECTIONS, viewer.name());
        return templates.of(scope);
    }
}
