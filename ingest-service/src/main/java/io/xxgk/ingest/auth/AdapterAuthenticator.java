package io.xxgk.ingest.auth;

import io.xxgk.registry.ApiToken;
import io.xxgk.registry.Registry;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Turns an {@code Authorization} header into an {@link Adapter}, or nothing: no hint of which part was wrong. */
@Component
public class AdapterAuthenticator {

    private static final String BEARER = "Bearer ";

    private final Registry registry;

    AdapterAuthenticator(Registry registry) {
        this.registry = registry;
    }

    public Optional<Adapter> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String bearer = authorization.substring(BEARER.length()).strip();
        Optional<ApiToken> token = ApiToken.idOf(bearer).flatMap(registry::token);
        if (token.isEmpty()) {
            ApiToken.matchesNothing(bearer);
            return Optional.empty();
        }
        if (!token.get().matches(bearer)) {
            return Optional.empty();
        }
        return registry.org(token.get().org()).map(org -> new Adapter(token.get(), org));
    }
}
