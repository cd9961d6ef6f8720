package io.xxgk.dashboard.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/** Every page and API needs a login (form for people, HTTP Basic for scripts); health and metrics do not. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults())
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
    UserDetailsService users(DashboardSecurityProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        if (!properties.adminPassword().isBlank()) {
            users.add(User.withUsername(properties.adminUser()).password(encoder.encode(properties.adminPassword()))
                    .roles("ADMIN").build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
