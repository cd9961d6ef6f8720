package io.xxgk.dashboard.security;

import io.xxgk.registry.Registry;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Every page and API needs a login (form for people, HTTP Basic for scripts); health and metrics do
 * not. What a login may see is checked per org by {@link Viewer#require}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** What the pages' own requests carry (common.js), so that an expired session gets 401 rather than a password dialog. */
    static final String PAGE_HEADER = "X-Requested-With";

    /** Scripts only from here, styles from here (the charts set styles inline), nothing framed, forms post here. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** One for the security chain and the account filter: an ended session is answered as any request without a login. */
    private static final AuthenticationEntryPoint ENTRY_POINT = entryPoint();

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .requestMatchers("/assets/**", "/favicon.ico", "/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(ENTRY_POINT))
                // a script's Basic request needs no CSRF token: a cross-site form is sent with an Origin, and no page is ever challenged
                // for Basic, so no browser holds Basic credentials to send along
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        && request.getHeader("Origin") == null))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ENTRY_POINT))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Before the security filters: a throttled login is refused before it is tried. */
    @Bean
    FilterRegistrationBean<AccountFilters.Throttled> throttledLogins(LoginThrottle throttle) {
        FilterRegistrationBean<AccountFilters.Throttled> registration = new FilterRegistrationBean<>(new AccountFilters.Throttled(throttle));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** Inside the security filters (the login is known), before any controller: a session whose account changed ends. */
    @Bean
    FilterRegistrationBean<AccountFilters.CurrentAccount> sessionsFollowAccounts(Accounts accounts) {
        FilterRegistrationBean<AccountFilters.CurrentAccount> registration =
                new FilterRegistrationBean<>(new AccountFilters.CurrentAccount(accounts, ENTRY_POINT));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Who is asked to log in how: a browser navigating is sent to the login form (and back after);
     * a page's own request gets 401 problem+json with no Basic challenge (no password dialog; the
     * page reloads into the form); a script gets 401 with the Basic challenge.
     */
    private static AuthenticationEntryPoint entryPoint() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("xxgk-stats");
        LoginUrlAuthenticationEntryPoint form = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, failure) -> {
            if (request.getHeader(PAGE_HEADER) != null) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"https://xxgk.io/problems/login-required\",\"title\":\"Login required\","
                        + "\"status\":401,\"detail\":\"the session ended; log in again\"}");
                return;
            }
            boolean browser = String.valueOf(request.getHeader("Accept")).contains("text/html")
                    && request.getHeader("Authorization") == null;
            (browser ? form : basic).commence(request, response, failure);
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    Accounts users(Registry registry, DashboardSecurityProperties properties, PasswordEncoder encoder) {
        return new Accounts(registry, properties, encoder);
    }
}
