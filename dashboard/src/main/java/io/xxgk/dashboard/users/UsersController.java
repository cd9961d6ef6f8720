package io.xxgk.dashboard.users;

import io.xxgk.dashboard.registry.RegistryUpdates;
import io.xxgk.dashboard.security.Forbidden;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.dashboard.web.InvalidInput;
import io.xxgk.registry.DashboardUser;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Registry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's users, managed by an org's ADMIN for that org (the operator for every org and
 * for PROVINCE users). Users are disabled, never deleted; passwords are kept as bcrypt hashes.
 */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    private static final String KIND = "user";
    private static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD_BYTES = 72;   // bcrypt reads no further

    private final Registry registry;
    private final RegistryUpdates updates;
    private final PasswordEncoder encoder;

    UsersController(Registry registry, RegistryUpdates updates, PasswordEncoder encoder) {
        this.registry = registry;
        this.updates = updates;
        this.encoder = encoder;
    }

    /** A user as the API shows it: never the hash. */
    record UserView(String name, String org, Role role, boolean enabled, Instant changedAt) {
        static UserView of(DashboardUser user) {
            return new UserView(user.name(), user.org(), user.role(), user.enabled(), user.changedAt());
        }
    }

    /** @param password required for a new user; absent keeps the current one */
    record Change(String org, Role role, String password, Boolean enabled) {
    }

    @GetMapping
    List<UserView> users(Authentication login) {
        Viewer viewer = Viewer.of(login).require(Role.ADMIN);
        return registry.users().stream().filter(u -> administers(viewer, u.org(), u.role())).map(UserView::of).toList();
    }

    @PutMapping("/{name}")
    ResponseEntity<UserView> put(@PathVariable String name, @RequestBody Change change, Authentication login) {
        Viewer viewer = Viewer.of(login);
        Optional<DashboardUser> existing = registry.user(name);
        validate(name, change, existing.isEmpty());
        if (!administers(viewer, change.org(), change.role())
                || existing.filter(u -> !administers(viewer, u.org(), u.role())).isPresent()) {
            throw new Forbidden("you may not manage this user (an org's ADMIN manages that org's LEADER, WRITER and ADMIN users)");
        }
        String hash = change.password() == null ? existing.orElseThrow().passwordHash() : encoder.encode(change.password());
        boolean enabled = change.enabled() == null ? existing.map(DashboardUser::enabled).orElse(true) : change.enabled();
        DashboardUser saved = updates.put(new DashboardUser(name, hash, change.role(), change.role() == Role.PROVINCE ? null : change.org(),
                enabled, Instant.now()));
        return ResponseEntity.status(existing.isEmpty() ? HttpStatus.CREATED : HttpStatus.OK).body(UserView.of(saved));
    }

    private static boolean administers(Viewer viewer, String org, Role role) {
        if (!viewer.may(Role.ADMIN)) {
            return false;
        }
        return role == Role.PROVINCE || org == null ? viewer.seesAllOrgs() : viewer.sees(org);
    }

    private void validate(String name, Change change, boolean creating) {
        List<InvalidInput.Param> invalid = new ArrayList<>();
        if (!name.matches(DashboardUser.NAME_PATTERN)) {
            invalid.add(new InvalidInput.Param("name", "must be 1-64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit"));
        }
        if (change.role() == null) {
            invalid.add(new InvalidInput.Param("role", "is required: LEADER, WRITER, ADMIN or PROVINCE"));
        } else if (change.role() != Role.PROVINCE && (change.org() == null || registry.org(change.org()).isEmpty())) {
            invalid.add(new InvalidInput.Param("org", "must name an existing org for a " + change.role() + " user"));
        } else if (change.role() == Role.PROVINCE && change.org() != null) {
            invalid.add(new InvalidInput.Param("org", "must be absent: a PROVINCE user sees every org"));
        }
        if (change.password() == null && creating) {
            invalid.add(new InvalidInput.Param("password", "is required for a new user"));
        } else if (change.password() != null && (change.password().length() < MIN_PASSWORD
                || change.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES)) {
            invalid.add(new InvalidInput.Param("password", "must be " + MIN_PASSWORD + " characters or more and at most "
                    + MAX_PASSWORD_BYTES + " bytes"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInput(KIND, invalid);
        }
    }
}
