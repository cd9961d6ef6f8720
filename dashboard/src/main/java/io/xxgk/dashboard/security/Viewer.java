package io.xxgk.dashboard.security;

import io.xxgk.registry.DashboardUser.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is looking, read from the login's authorities: the roles ({@code ROLE_WRITER}) and the one org
 * ({@code ORG_demo}) unless the person sees every org.
 *
 * @param org the org whose numbers this person sees, or null for all (PROVINCE, the operator)
 */
public record Viewer(String name, Set<Role> roles, String org) {

    static final String ORG_AUTHORITY = "ORG_";

    public static Viewer of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String org = null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = String.valueOf(authority.getAuthority());
            if (name.startsWith("ROLE_")) {
                roles.add(Role.valueOf(name.substring("ROLE_".length())));
            } else if (name.startsWith(ORG_AUTHORITY)) {
                org = name.substring(ORG_AUTHORITY.length());
            }
        }
        return new Viewer(authentication.getName(), Set.copyOf(roles), org);
    }

    public boolean sees(String org) {
        return this.org == null || this.org.equals(org);
    }

    public boolean seesAllOrgs() {
        return org == null;
    }

    /** Whether one of the viewer's roles includes {@code role}. */
    public boolean may(Role role) {
        return roles.stream().anyMatch(r -> r.includes(role));
    }

    /** Whether the viewer may change what {@code role} may change: a role of its own org, not PROVINCE's reading of every org. */
    public boolean mayChange(Role role) {
        return roles.stream().anyMatch(r -> r != Role.PROVINCE && r.includes(role));
    }

    /** Checks that this viewer sees {@code org} with {@code role}; else 403 (the same answer whether the org exists or not). */
    public Viewer require(String org, Role role) {
        if (!sees(org)) {
            throw new Forbidden("you may not see org " + org);
        }
        return require(role);
    }

    /** Checks that one of the viewer's roles includes {@code role}; else 403. */
    public Viewer require(Role role) {
        if (!may(role)) {
            throw new Forbidden("this needs the " + role + " role; you have " + roles);
        }
        return this;
    }
}
