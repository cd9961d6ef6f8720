package io.xxgk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the aggregator's time with ClickHouse goes: its {@code xxgk_aggregator_clickhouse_seconds}
 * timers (one per step of storing a batch: the ledger's lookup, claim and mark, the dedup lookup,
 * the insert), read from its Prometheus endpoint before and after a stage.
 */
final class AggregatorSteps {

    private static final Pattern LINE = Pattern.compile(
            "^xxgk_aggregator_clickhouse_seconds_(sum|count)\\{[^}]*step=\"([a-z_]+)\"[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    /** Seconds and calls, by step. */
    record Totals(Map<String, double[]> steps) {

        Totals minus(Totals before) {
            Map<String, double[]> diff = new TreeMap<>();
            steps.forEach((step, now) -> {
                double[] then = before.steps.getOrDefault(step, new double[2]);
                diff.put(step, new double[] {now[0] - then[0], now[1] - then[1]});
            });
            return new Totals(diff);
        }

        /** e.g. {@code insert 1.9 ms × 210 · dedup_lookup …}: mean time and calls per step. */
        String describe() {
            StringBuilder out = new StringBuilder();
            steps.forEach((step, t) -> out.append(out.isEmpty() ? "" : " · ").append(String.format(Locale.ROOT, "%s %.1f ms × %.0f (%.1f s)",
                    step, t[1] > 0 ? t[0] * 1000 / t[1] : 0, t[1], t[0])));
            return out.toString();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI prometheus;

    AggregatorSteps(String aggregatorUrl) {
        this.prometheus = URI.create(aggregatorUrl + "/actuator/prometheus");
    }

    Totals read() {
        try {
            String body = http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, double[]> steps = new TreeMap<>();
            Matcher m = LINE.matcher(body);
            while (m.find()) {
                steps.computeIfAbsent(m.group(2), s -> new double[2])[m.group(1).equals("sum") ? 0 : 1] = Double.parseDouble(m.group(3));
            }
            return new Totals(steps);
        } catch (IOException e) {
            return new Totals(Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Totals(Map.of());
        }
    }
}
