package io.xxgk.dashboard.security;

import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.DashboardUser;
import io.xxgk.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Logins: the registry's dashboard users, read at each login (a disabled user is refused at once),
 * and the operator's account from the configuration, which administers and sees every org.
 */
class Accounts implements UserDetailsService {

    private final Registry registry;
    private final DashboardSecurityProperties properties;
    private final String operatorHash;

    Accounts(Registry registry, DashboardSecurityProperties properties, PasswordEncoder encoder) {
        this.registry = registry;
        this.properties = properties;
        this.operatorHash = properties.adminPassword().isBlank() ? null : encoder.encode(properties.adminPassword());
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        if (operatorHash != null && name.equals(properties.adminUser())) {
            return User.withUsername(name).password(operatorHash)
                    .authorities(role(Role.ADMIN), role(Role.PROVINCE)).build();
        }
        DashboardUser user = registry.user(name).orElseThrow(() -> new UsernameNotFoundException("no user " + name));
        List<GrantedAuthority> authorities = new ArrayList<>(List.of(role(user.role())));
        if (user.org() != null) {
            authorities.add(new SimpleGrantedAuthority(Viewer.ORG_AUTHORITY + user.org()));
        }
        return User.withUsername(name).password(user.passwordHash()).disabled(!user.enabled()).authorities(authorities).build();
    }

    private static GrantedAuthority role(Role role) {
        return new SimpleGrantedAuthority("ROLE_" + role.name());
    }
}
