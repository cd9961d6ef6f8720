package io.xxgk.dashboard.users;

import io.xxgk.dashboard.security.Forbidden;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.registry.DashboardUser;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Registrar;
import io.xxgk.registry.Registry;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's users, managed by an org's ADMIN for that org (the operator for every org and
 * for PROVINCE users). Users are disabled, never deleted; passwords are kept as bcrypt hashes.
 */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    private final Registry registry;
    private final Registrar registrar;
    private final PasswordEncoder encoder;

    UsersController(Registry registry, Registrar registrar, PasswordEncoder encoder) {
        this.registry = registry;
        this.registrar = registrar;
        this.encoder = encoder;
    }

    /** A user as the API shows it: never the hash. */
    record UserView(String name, String org, Role role, boolean enabled, Instant changedAt) {
        static UserView of(DashboardUser user) {
            return new UserView(user.name(), user.org(), user.role(), user.enabled(), user.changedAt());
        }
    }

    @GetMapping
    List<UserView> users(Authentication login) {
        Viewer viewer = Viewer.of(login).require(Role.ADMIN);
        return registry.users().stream().filter(u -> administers(viewer, u.org(), u.role())).map(UserView::of).toList();
    }

    /**
     * Creates or changes a user. With {@code If-None-Match: *} it only creates: an existing user of
     * that name is answered 412 and left as it is (the page's 新建 never turns a LEADER into an ADMIN).
     */
    @PutMapping("/{name}")
    ResponseEntity<UserView> put(@PathVariable String name, @RequestBody Registrar.UserChange change,
                                 @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch, Authentication login) {
        Viewer viewer = Viewer.of(login);
        Registrar.SavedUser saved = registrar.putUser(name, change, encoder::encode, existing -> {
            if (!administers(viewer, change.org(), change.role()) || existing.filter(u -> !administers(viewer, u.org(), u.role())).isPresent()) {
                throw new Forbidden("you may not manage this user (an org's ADMIN manages that org's LEADER, WRITER and ADMIN users)");
            }
            if ("*".equals(ifNoneMatch) && existing.isPresent()) {
                throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                        "user " + name + " exists; If-None-Match: * only creates (without it the request changes the user)"), null);
            }
        });
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(UserView.of(saved.user()));
    }

    private static boolean administers(Viewer viewer, String org, Role role) {
        if (!viewer.may(Role.ADMIN)) {
            return false;
        }
        return role == Role.PROVINCE || org == null ? viewer.seesAllOrgs() : viewer.sees(org);
    }
}
