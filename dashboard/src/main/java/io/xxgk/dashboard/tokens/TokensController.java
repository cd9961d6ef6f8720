package io.xxgk.dashboard.tokens;

import io.xxgk.dashboard.registry.RegistryUpdates;
import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.dashboard.web.NotFound;
import io.xxgk.registry.ApiToken;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Registrar;
import io.xxgk.registry.Registry;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The org's adapter tokens (ADMIN): listed without secrets, issued for some of its channels (the
 * bearer string is in the answer once and kept nowhere), revoked.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/tokens")
class TokensController {

    private final Registry registry;
    private final Registrar registrar;
    private final RegistryUpdates updates;
    private final OrgAccess access;

    TokensController(Registry registry, Registrar registrar, RegistryUpdates updates, OrgAccess access) {
        this.registry = registry;
        this.registrar = registrar;
        this.updates = updates;
        this.access = access;
    }

    record TokenView(String id, Set<String> channels, String label, Instant createdAt, Instant revokedAt) {
        static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.channels(), token.label(), token.createdAt(), token.revokedAt());
        }
    }

    record Request(List<String> channels, String label) {
    }

    /** @param token the bearer string for the adapter: shown this once */
    record Issued(TokenView tokenInfo, String token) {
    }

    @GetMapping
    List<TokenView> tokens(@PathVariable String org, Authentication login) {
        access.check(Viewer.of(login), org, Role.ADMIN);
        return registry.tokens().stream().filter(t -> t.org().equals(org)).map(TokenView::of).toList();
    }

    @PostMapping
    ResponseEntity<Issued> issue(@PathVariable String org, @RequestBody Request request, Authentication login) {
        access.check(Viewer.of(login), org, Role.ADMIN);
        ApiToken.Issued issued = registrar.issueToken(org, request.channels(), request.label());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Issued(TokenView.of(issued.token()), issued.bearer()));
    }

    @DeleteMapping("/{id}")
    TokenView revoke(@PathVariable String org, @PathVariable String id, Authentication login) {
        access.check(Viewer.of(login), org, Role.ADMIN);
        ApiToken token = registry.token(id).filter(t -> t.org().equals(org)).orElseThrow(() -> new NotFound("org " + org + " has no token " + id));
        return TokenView.of(token.revokedAt() == null ? updates.put(token.revoked(Instant.now())) : token);
    }
}
