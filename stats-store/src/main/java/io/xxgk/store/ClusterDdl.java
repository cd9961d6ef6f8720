package io.xxgk.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migrations' statements for a replicated cluster, so that one set of scripts serves a single
 * server and a cluster: each {@code CREATE}, {@code DROP} and {@code ALTER} runs {@code ON CLUSTER}
 * (every replica gets it, Keeper coordinates), and each MergeTree-family engine becomes its
 * Replicated twin with one Keeper path per table and a replica per node ({@code {shard}} and
 * {@code {replica}} are the servers' macros). Inserts stay as written: a replicated table copies
 * them to the other replicas. Table names do not change, so nothing that reads or writes them
 * knows whether it talks to a cluster.
 */
final class ClusterDdl {

    private static final String NAME = "((?:`[^`]+`|[\\w${}]+)(?:\\.(?:`[^`]+`|[\\w${}]+))?)";
    private static final Pattern CREATE_OR_DROP = Pattern.compile(
            "^(CREATE\\s+(?:TABLE|MATERIALIZED\\s+VIEW|VIEW|DATABASE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?|DROP\\s+(?:TABLE|VIEW|DATABASE)\\s+(?:IF\\s+EXISTS\\s+)?"
                    + "|ALTER\\s+TABLE\\s+)" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern ENGINE = Pattern.compile("\\bENGINE\\s*=\\s*(\\w*MergeTree)\\b(\\s*\\(([^()]*)\\))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT = Pattern.compile("^INSERT\\s+INTO\\s", Pattern.CASE_INSENSITIVE);

    private ClusterDdl() {
    }

    /**
     * @throws IllegalArgumentException for a statement this cannot make cluster-wide: a migration
     *                                  must not half-apply on a cluster, so it fails before it starts
     */
    static String onCluster(String statement, String cluster) {
        if (INSERT.matcher(statement).lookingAt()) {
            return statement;
        }
        Matcher head = CREATE_OR_DROP.matcher(statement);
        if (!head.lookingAt()) {
            throw new IllegalArgumentException("cannot run this migration statement on a cluster (only CREATE, DROP, ALTER "
                    + "and INSERT are): " + statement);
        }
        String clustered = statement.substring(0, head.end()) + " ON CLUSTER `" + cluster + "`" + statement.substring(head.end());
        if (clustered.regionMatches(true, 0, "DROP", 0, 4) && !clustered.toUpperCase(Locale.ROOT).endsWith(" SYNC")) {
            // a replicated table's Keeper path is freed at once, so the name can be created again
            clustered += " SYNC";
        }
        return replicated(clustered);
    }

    /** {@code ENGINE = XMergeTree(args)} → {@code ENGINE = ReplicatedXMergeTree('<path>', '{replica}', args)}. */
    private static String replicated(String statement) {
        Matcher engine = ENGINE.matcher(statement);
        if (!engine.find() || engine.group(1).regionMatches(true, 0, "Replicated", 0, 10)) {
            return statement;
        }
        List<String> arguments = new ArrayList<>(List.of("'/clickhouse/tables/{shard}/{database}/{table}'", "'{replica}'"));
        if (engine.group(3) != null && !engine.group(3).isBlank()) {
            arguments.add(engine.group(3).strip());
        }
        return statement.substring(0, engine.start()) + "ENGINE = Replicated" + engine.group(1) + "(" + String.join(", ", arguments) + ")"
                + statement.substring(engine.end());
    }

    /**
     * The engine clause of a table with its Replicated prefix and Keeper arguments taken off
     * ({@code system.tables.engine_full}), e.g. for a local staging copy of a replicated table:
     * a copy with the same Keeper path would claim to be another replica of it.
     */
    static String unreplicated(String engineFull) {
        if (!engineFull.startsWith("Replicated")) {
            return engineFull;
        }
        String engine = engineFull.substring("Replicated".length());
        int open = engine.indexOf('(');
        int name = engine.indexOf(' ');
        if (open < 0 || (name >= 0 && name < open)) {
            // ReplicatedMergeTree without arguments: the servers' default path and replica name
            return engine;
        }
        Arguments arguments = arguments(engine, open);
        List<String> all = arguments.items();
        List<String> own = all.subList(Math.min(2, all.size()), all.size());
        return engine.substring(0, open) + (own.isEmpty() ? "" : "(" + String.join(", ", own) + ")") + engine.substring(arguments.close() + 1);
    }

    /** The top-level arguments of a parenthesis, and where it closes. */
    private record Arguments(List<String> items, int close) {
    }

    /** Reads the arguments of the parenthesis opened at {@code open}, minding quotes and nested parentheses. */
    private static Arguments arguments(String text, int open) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = open + 1;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '(') {
                depth++;
            } else if (c == ',' && depth == 1) {
                items.add(text.substring(start, i).strip());
                start = i + 1;
            } else if (c == ')' && --depth == 0) {
                String last = text.substring(start, i).strip();
                if (!last.isEmpty()) {
                    items.add(last);
                }
                return new Arguments(items, i);
            }
        }
        throw new IllegalArgumentException("unbalanced engine arguments: " + text);
    }
}
