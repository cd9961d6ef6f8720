package io.xxgk.support.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps /actuator/prometheus clean under {@code promtool check metrics}, which operators' tooling
 * expects. Libraries export a few meters Prometheus' conventions reject: timings named in ms/ns
 * (Kafka clients, the JVM), counts that are gauges ({@code *.count}), meters without help text.
 * Those named in ms/ns are dropped (each has a seconds-based sibling or is noise); gauges named
 * {@code .count} get a plural name; meters without a description get one.
 */
public final class PrometheusHygiene implements MeterFilter {

    /** Names promtool rejects for an abbreviated unit, e.g. kafka.producer.io.time.ns.avg, jvm.compilation.time (ms). */
    private static final Pattern ABBREVIATED_UNIT = Pattern.compile(".*([._-](ms|ns)([._-].*)?|jvm\\.compilation\\.time|process\\.cpu\\.time)$");

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("http.server.requests", "HTTP requests served, by method, URI template, status and outcome"),
            Map.entry("http.server.requests.active", "HTTP requests being served now"),
            Map.entry("tomcat.sessions.active.current", "HTTP sessions open now"),
            Map.entry("tomcat.sessions.active.max", "Most HTTP sessions open at once"),
            Map.entry("tomcat.sessions.alive.max", "Longest time a session lived"),
            Map.entry("tomcat.sessions.created", "HTTP sessions created"),
            Map.entry("tomcat.sessions.expired", "HTTP sessions expired"),
            Map.entry("tomcat.sessions.rejected", "HTTP sessions refused (limit reached)"));

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return ABBREVIATED_UNIT.matcher(id.getName()).matches() ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        Meter.Id mapped = id;
        if (mapped.getName().endsWith(".count") && mapped.getType() == Meter.Type.GAUGE) {
            String base = mapped.getName().substring(0, mapped.getName().length() - ".count".length());
            mapped = mapped.withName(base + "s");
        }
        if (mapped.getDescription() == null || mapped.getDescription().isBlank()) {
            String description = DESCRIPTIONS.getOrDefault(id.getName(),
                    (id.getName().startsWith("kafka.") ? "Kafka client metric " : "Metric ") + id.getName());
            mapped = new Meter.Id(mapped.getName(), Tags.of(mapped.getTagsAsIterable()), mapped.getBaseUnit(), description,
                    mapped.getType());
        }
        return mapped;
    }
}
