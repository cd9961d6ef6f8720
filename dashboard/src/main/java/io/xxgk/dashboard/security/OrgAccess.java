package io.xxgk.dashboard.security;

import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.dashboard.web.NotFound;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Org;
import io.xxgk.registry.Registry;
import java.util.List;
import org.springframework.stereotype.Component;

/** Which orgs' numbers a viewer may see: the one check every page and API makes before reading figures. */
@Component
public class OrgAccess {

    private final Registry registry;

    OrgAccess(Registry registry) {
        this.registry = registry;
    }

    /**
     * Checks that the viewer may read the scope's figures with {@code role}: the province's roll-up
     * is PROVINCE's only; for an org, 403 for another org whether it exists or not, 404 for an org
     * nobody has.
     */
    public void check(Viewer viewer, ReportScope scope, Role role) {
        switch (scope) {
            case ReportScope.Province province -> viewer.require(Role.PROVINCE);
            case ReportScope.OneOrg one -> check(viewer, one.org(), role);
        }
    }

    /** {@link #check(Viewer, ReportScope, Role)} for one org. */
    public void check(Viewer viewer, String org, Role role) {
        viewer.require(org, role);
        if (registry.org(org).isEmpty()) {
            throw new NotFound("no org " + org);
        }
    }

    /** Checks that the viewer may change the org's {@code role}-level things: PROVINCE reads every org and changes none (403). */
    public void checkChange(Viewer viewer, ReportScope scope, Role role) {
        check(viewer, scope, role);
        if (!viewer.mayChange(role)) {
            throw new Forbidden("a change needs the " + role + " role of the org itself; PROVINCE reads and does not change");
        }
    }

    /** The orgs the viewer may switch between. */
    public List<Org> visible(Viewer viewer) {
        return registry.orgs().stream().filter(o -> viewer.sees(o.id())).toList();
    }

}
