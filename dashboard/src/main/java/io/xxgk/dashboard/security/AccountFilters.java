package io.xxgk.dashboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** The dashboard's filters that keep a login tied to its account as the registry has it now. */
final class AccountFilters {

    private AccountFilters() {
    }

    /**
     * A session follows its account: on every request, the session's login is compared with the
     * account as the registry holds it now; disabled, removed, or with another role or org, the
     * session ends at once and the request is answered as one without a login (401, or the login
     * page). Basic logins are checked against the registry on every request anyway.
     */
    static final class CurrentAccount extends OncePerRequestFilter {

        private final Accounts accounts;
        private final AuthenticationEntryPoint entryPoint;

        CurrentAccount(Accounts accounts, AuthenticationEntryPoint entryPoint) {
            this.accounts = accounts;
            this.entryPoint = entryPoint;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication login = SecurityContextHolder.getContext().getAuthentication();
            if (login == null || login instanceof AnonymousAuthenticationToken || current(login)) {
                chain.doFilter(request, response);
                return;
            }
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new AccountExpiredException(
                    "the account was changed or disabled; log in again"));
        }

        private boolean current(Authentication login) {
            try {
                UserDetails now = accounts.loadUserByUsername(login.getName());
                return now.isEnabled() && names(now.getAuthorities()).equals(names(login.getAuthorities()));
            } catch (UsernameNotFoundException gone) {
                return false;
            }
        }

        /** The role and the org (not the factors Spring Security adds to a login, FACTOR_PASSWORD). */
        private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
            Set<String> names = new HashSet<>();
            authorities.stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a != null && (a.startsWith("ROLE_") || a.startsWith(Viewer.ORG_AUTHORITY))).forEach(names::add);
            return names;
        }
    }

    /**
     * Refuses a login attempt (the form's, or a request's Basic credentials) of an account or from
     * an address that failed too often lately ({@link LoginThrottle}): the form shows why and how
     * long to wait, a script gets 429 with {@code Retry-After}.
     */
    static final class Throttled extends OncePerRequestFilter {

        private final LoginThrottle throttle;

        Throttled(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<String> account = account(request);
            Optional<Duration> wait = account.flatMap(a -> throttle.lockedFor(a, request.getRemoteAddr()));
            if (wait.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            if (isForm(request)) {
                response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes);
                return;
            }
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"https://xxgk.io/problems/login-throttled\",\"title\":\"Too many failed logins\","
                    + "\"status\":429,\"detail\":\"too many failed logins of this account or from this address; try again in "
                    + minutes + " min\"}");
        }

        private static boolean isForm(HttpServletRequest request) {
            return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        }

        /** The account a request tries to log in as, if it tries. */
        private static Optional<String> account(HttpServletRequest request) {
            if (isForm(request)) {
                return Optional.ofNullable(request.getParameter("username"));
            }
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return Optional.empty();
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    }
}
