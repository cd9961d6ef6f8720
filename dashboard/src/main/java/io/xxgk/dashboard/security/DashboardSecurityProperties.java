package io.xxgk.dashboard.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's account, which administers and sees every org (the local stack passes the one it
 * wrote to stack.env); people's accounts are dashboard users in the registry.
 *
 * @param adminUser     login name
 * @param adminPassword password in clear, hashed with bcrypt at start; blank disables the account
 */
@ConfigurationProperties("xxgk.dashboard")
record DashboardSecurityProperties(@DefaultValue("admin") String adminUser, @DefaultValue("") String adminPassword) {
}
