package io.xxgk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each rollup's one SELECT ({@code db/clickhouse/rollups/<view>.sql}), reading
 * {@value #SOURCE}: the events table when a migration creates its materialized view
 * ({@code ${rollup:<view>}} in a script), a year of distinct events when {@link Rollups} rebuilds
 * it. A migration that changes a rollup drops and creates its view again.
 */
final class RollupSelects {

    static final String SOURCE = "${source}";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{rollup:(\\w+)}");

    private final Map<String, String> byView;

    private RollupSelects(Map<String, String> byView) {
        this.byView = byView;
    }

    static RollupSelects load() {
        try {
            Map<String, String> byView = new TreeMap<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/clickhouse/rollups/*.sql")) {
                String select = r.getContentAsString(StandardCharsets.UTF_8).lines().filter(l -> !l.strip().startsWith("--"))
                        .collect(Collectors.joining("\n")).strip();
                byView.put(r.getFilename().replaceFirst("\\.sql$", ""), select);
            }
            return new RollupSelects(byView);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The view's SELECT reading {@code source} (a table, or a subquery with an alias). */
    String select(String view, String source) {
        String select = byView.get(view);
        if (select == null) {
            throw new IllegalStateException("materialized view " + view + " has no SELECT in db/clickhouse/rollups/ (" + byView.keySet() + ")");
        }
        return select.replace(SOURCE, source);
    }

    /** The views whose SELECT the text refers to. */
    Set<String> references(String text) {
        Set<String> views = new LinkedHashSet<>();
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
            views.add(reference.group(1));
        }
        return views;
    }

    /** A migration script with each {@code ${rollup:<view>}} replaced by that SELECT reading {@code source}. */
    String expand(String script, String source) {
        Matcher reference = REFERENCE.matcher(script);
        StringBuilder expanded = new StringBuilder();
        while (reference.find()) {
            reference.appendReplacement(expanded, Matcher.quoteReplacement(select(reference.group(1), source)));
        }
        return reference.appendTail(expanded).toString();
    }
}
