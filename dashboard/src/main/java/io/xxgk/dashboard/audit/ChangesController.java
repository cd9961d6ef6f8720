package io.xxgk.dashboard.audit;

import io.xxgk.dashboard.security.Forbidden;
import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Registry;
import io.xxgk.registry.RegistryChange;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log of the registry, newest first: {@code GET /api/v1/orgs/{org}/changes} for the org's
 * ADMIN (and the operator), {@code GET /api/v1/changes} every org's, for the operator.
 */
@RestController
class ChangesController {

    static final int SHOWN = 500;

    private final Registry registry;
    private final OrgAccess access;

    ChangesController(Registry registry, OrgAccess access) {
        this.registry = registry;
        this.access = access;
    }

    @GetMapping("/api/v1/orgs/{org}/changes")
    List<RegistryChange> ofOrg(@PathVariable String org, Authentication login) {
        access.check(Viewer.of(login), org, Role.ADMIN);
        return registry.changes(org).stream().limit(SHOWN).toList();
    }

    @GetMapping("/api/v1/changes")
    List<RegistryChange> all(Authentication login) {
        Viewer viewer = Viewer.of(login).require(Role.ADMIN);
        if (!viewer.seesAllOrgs()) {
            throw new Forbidden("every org's changes are the operator's to read; an org's ADMIN reads /api/v1/orgs/{org}/changes");
        }
        return registry.changes(null).stream().limit(SHOWN).toList();
    }
}
