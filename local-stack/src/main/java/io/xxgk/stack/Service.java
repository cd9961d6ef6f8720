package io.xxgk.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the three Spring Boot services, run from the jar its module builds. Its configuration
 * comes as environment variables (Spring's relaxed binding), so secrets stay out of {@code ps}.
 *
 * @param name    ingest, aggregator or dashboard
 * @param module  the Maven module that builds the jar
 * @param urlKey  the stack.env key of its URL
 */
record Service(String name, String module, String urlKey) implements Component {

    static final String DEMO_ORG = "DEMO_ORG";
    static final String DEMO_TOKEN = "DEMO_TOKEN";
    static final String DASHBOARD_USER = "DASHBOARD_USER";
    static final String DASHBOARD_PASSWORD = "DASHBOARD_PASSWORD";

    static List<Service> all() {
        return List.of(
                new Service("ingest", "ingest-service", "INGEST_URL"),
                new Service("aggregator", "aggregator-service", "AGGREGATOR_URL"),
                new Service("dashboard", "dashboard", "DASHBOARD_URL"));
    }

    String portKey() {
        return name.toUpperCase() + "_PORT";
    }

    @Override
    public List<String> portKeys() {
        return List.of(portKey());
    }

    @Override
    public void describe(StackEnv env) {
        env.put(urlKey, "http://127.0.0.1:" + env.get(portKey()));
        env.computeIfAbsent(DEMO_ORG, () -> "demo");
        env.computeIfAbsent(DEMO_TOKEN, () -> "xxgk_" + StackEnv.secret());
        env.computeIfAbsent(DASHBOARD_USER, () -> "admin");
        env.computeIfAbsent(DASHBOARD_PASSWORD, StackEnv::secret);
    }

    @Override
    public List<String> command(StackHome home, StackEnv env) {
        Path jar = home.repo().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.exists(jar)) {
            throw new StackException(jar + " is missing: build first (./xxgk build)");
        }
        return List.of(Component.java(), "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-jar", jar.toString());
    }

    @Override
    public Map<String, String> environment(StackEnv env) {
        Map<String, String> vars = new HashMap<>(KafkaBroker.clientEnvironment(env));
        vars.put("SERVER_PORT", env.get(portKey()));
        vars.put("XXGK_CLICKHOUSE_URL", env.get(ClickHouseServer.URL));
        switch (name) {
            case "ingest" -> {
                vars.put("XXGK_INGEST_SEED_ORG", env.get(DEMO_ORG));
                vars.put("XXGK_INGEST_SEED_TOKEN", env.get(DEMO_TOKEN));
            }
            case "dashboard" -> {
                vars.put("XXGK_DASHBOARD_ADMIN_USER", env.get(DASHBOARD_USER));
                vars.put("XXGK_DASHBOARD_ADMIN_PASSWORD", env.get(DASHBOARD_PASSWORD));
            }
            default -> { }
        }
        return vars;
    }

    @Override
    public String address(StackEnv env) {
        return env.get(urlKey);
    }

    @Override
    public boolean healthy(StackEnv env) {
        return Http.ok(env.get(urlKey) + "/actuator/health");
    }
}
