package io.xxgk.stack;

import java.util.ArrayList;
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
 * @param heap    its -Xmx: what it needs at its busiest (measured by ./xxgk bench), so its RSS stays under 512 MB
 */
record Service(String name, String module, String urlKey, String heap) implements Component {

    /**
     * Another aggregator in the same consumer group: the {@code n}th (2, 3, …), as the cluster runs
     * them; the fault suite runs them side by side ({@code ./xxgk chaos --aggregators N}).
     */
    static Service aggregator(int n) {
        return new Service("aggregator" + n, "aggregator-service", "AGGREGATOR" + n + "_URL", "320m");
    }

    static List<Service> all() {
        return List.of(
                new Service("ingest", "ingest-service", StackKeys.INGEST_URL, "256m"),
                new Service("aggregator", "aggregator-service", StackKeys.AGGREGATOR_URL, "320m"),
                new Service("dashboard", "dashboard", StackKeys.DASHBOARD_URL, "256m"));
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
        env.computeIfAbsent(StackKeys.DASHBOARD_USER, () -> "admin");
        env.computeIfAbsent(StackKeys.DASHBOARD_PASSWORD, StackEnv::secret);
    }

    /**
     * Extracts its jar, and on the first start of a build makes the JVM's AOT cache of it by a
     * training run against the stack's servers (up by now: the services start in the second wave);
     * should that fail, the service starts without one, and its start says what is wrong.
     */
    @Override
    public void prepare(StackHome home, StackEnv env, Processes processes) {
        AotCache aot = AotCache.of(home, module);
        aot.extract(processes, name);
        if (aot.untried()) {
            aot.train(processes, name, jvmOptions(), environment(env));
        }
    }

    @Override
    public List<String> command(StackHome home, StackEnv env) {
        AotCache aot = AotCache.of(home, module);
        List<String> command = new ArrayList<>(List.of(Component.java()));
        command.addAll(jvmOptions());
        if (aot.trained()) {
            command.add("-XX:AOTCache=" + aot.cache());
        }
        command.addAll(List.of("-jar", aot.application().toString()));
        return command;
    }

    private List<String> jvmOptions() {
        return List.of("-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
    }

    @Override
    public Map<String, String> environment(StackEnv env) {
        Map<String, String> vars = new HashMap<>(KafkaAccess.of(env).springEnvironment());
        vars.put("SERVER_PORT", env.get(portKey()));
        env.find(StackKeys.CLICKHOUSE_URL).ifPresent(url -> vars.put("XXGK_CLICKHOUSE_URL", url));
        if (name.equals("dashboard")) {
            vars.put("XXGK_DASHBOARD_ADMIN_USER", env.get(StackKeys.DASHBOARD_USER));
            vars.put("XXGK_DASHBOARD_ADMIN_PASSWORD", env.get(StackKeys.DASHBOARD_PASSWORD));
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
