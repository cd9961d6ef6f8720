package io.xxgk.dashboard.checklist;

import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.OrgChecklist;
import io.xxgk.registry.Registrar;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/orgs/{org}/checklist}: the org's checklist (清单); {@code PUT} (ADMIN): a new
 * edition of its wording, departments and column links, given the version it was edited from.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/checklist")
class ChecklistController {

    private final Checklists checklists;
    private final Registrar registrar;
    private final OrgAccess access;

    ChecklistController(Checklists checklists, Registrar registrar, OrgAccess access) {
        this.checklists = checklists;
        this.registrar = registrar;
        this.access = access;
    }

    /**
     * @param version the edition this edit starts from (0 for the first), so a concurrent save is not overwritten
     * @param items   the items to edit; items left out keep the catalog's wording and have no department or link
     */
    record Edit(Integer version, List<OrgChecklist.Item> items) {
    }

    @GetMapping
    Checklists.Edition checklist(@PathVariable String org, Authentication login) {
        access.check(Viewer.of(login), org, Role.LEADER);
        return checklists.of(org);
    }

    @PutMapping
    Checklists.Edition save(@PathVariable String org, @RequestBody Edit edit, Authentication login) {
        Viewer viewer = Viewer.of(login);
        access.check(viewer, org, Role.ADMIN);
        registrar.saveChecklist(org, edit.version(), edit.items(), checklists.items(), viewer.name());
        return checklists.of(org);
    }
}
