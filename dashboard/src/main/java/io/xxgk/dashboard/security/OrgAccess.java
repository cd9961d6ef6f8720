package io.xxgk.dashboard.security;

import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Org;
import io.xxgk.registry.Registry;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

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
            if (!viewer.may(Role.PROVINCE)) {
                throw new Forbidden("the province-wide figures need the PROVINCE role");
            }
            return;
        }
        viewer.require(org, role);
        if (registry.org(org).isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no org " + org), null);
        }
    }

    /** The orgs the viewer may switch between. */
    public List<Org> visible(Viewer viewer) {
        return registry.orgs().stream().filter(o -> viewer.sees(o.id())).toList();
    }

    /** Every org, for the province's roll-up. */
    public List<String> all() {
        return registry.orgs().stream().map(Org::id).toList();
    }
}
