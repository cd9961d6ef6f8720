package io.xxgk.support.registry;

import io.xxgk.registry.RegistryFollower;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fails closed while the registry cannot be trusted (its follower stopped, or is cut off from the
 * broker): every request but the actuator's is answered 503 problem+json with {@code Retry-After},
 * before anything is authenticated against a registry that may still hold a revoked token.
 */
final class RegistryGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final RegistryFollower follower;
    private final Duration maxStaleness;

    RegistryGate(RegistryFollower follower, Duration maxStaleness) {
        this.follower = follower;
        this.maxStaleness = maxStaleness;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // health and metrics say what is wrong; they need no registry
        return request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> unusable = follower.unusable(maxStaleness);
        if (unusable.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"https://xxgk.io/problems/registry-unavailable\",\"title\":\"Registry unavailable\","
                + "\"status\":503,\"detail\":\"" + unusable.get().replace("\\", "\\\\").replace("\"", "\\\"")
                + "; nothing was done, retry later\"}");
    }
}
