package io.xxgk.dashboard.security;

import io.xxgk.registry.Registry;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Every page and API needs a login (form for people, HTTP Basic for scripts); health and metrics do
 * not. What a login may see is checked per org by {@link Viewer#require}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .requestMatchers("/css/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .httpBasic(Customizer.withDefaults())
                // a forged cross-site form cannot send an Authorization header: scripts with Basic need no CSRF token
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                // a browser is sent to the login form; a script (not asking for HTML, or sending credentials) gets 401 + Basic
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint()))
                .build();
    }

    private static AuthenticationEntryPoint entryPoint() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("xxgk-stats");
        LoginUrlAuthenticationEntryPoint form = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, failure) -> {
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
    UserDetailsService users(Registry registry, DashboardSecurityProperties properties, PasswordEncoder encoder) {
        return new Accounts(registry, properties, encoder);
    }
}
