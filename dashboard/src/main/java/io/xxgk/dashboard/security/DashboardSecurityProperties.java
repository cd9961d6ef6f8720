package io.xxgk.dashboard.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator created at start (the local stack passes the one it wrote to stack.env).
 *
 * @param adminUser     login name
 * @param adminPassword password in clear, hashed with bcrypt at start; blank disables the account
 */
@ConfigurationProperties("xxgk.dashboard")
record DashboardSecurityProperties(@DefaultValue("admin") String adminUser, @DefaultValue("") String adminPassword) {
}
