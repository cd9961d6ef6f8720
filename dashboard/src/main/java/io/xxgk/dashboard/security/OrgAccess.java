package io.xxgk.dashboard.security;

import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Org;
import io.xxgk.registry.Registry;
import io.xxgk.dashboard.web.NotFound;
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
     * Checks that the viewer may read {@code org} with {@code role}; null stands for the province's
     * roll-up (PROVINCE only). 403 for another org, whether it exists or not; 404 for an org nobody has.
     */
    public void check(Viewer viewer, String org, Role role) {
        if (org == null) {
            viewer.require(Role.PROVINCE);
            return;
        }
        viewer.require(org, role);
        if (registry.org(org).isEmpty()) {
            throw new NotFound("no org " + org);
        }
    }

    /** The orgs the viewer may switch between. */
    public List<Org> visible(Viewer viewer) {
        return registry.orgs().stream().filter(o -> viewer.sees(o.id())).toList();
    }

}
