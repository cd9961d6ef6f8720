package io.xxgk.store;

import com.clickhouse.client.api.Client;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Versioned schema migrations for ClickHouse, applied in order at start, each once.
 * Flyway and Liquibase do not support ClickHouse well, so this is a small runner: scripts
 * {@code db/clickhouse/V<n>__<name>.sql}, {@code ${database}} replaced by the configured database,
 * statements separated by a {@code ;} at a line's end, {@code ${rollup:<view>}} replaced by that rollup's
 * one SELECT ({@link RollupSelects}; of the pending scripts, only the last that creates a view does),
 * the applied versions in {@code schema_migrations}.
 * Statements are written to be idempotent ({@code IF NOT EXISTS}), so a run cut off half-way is
 * finished by the next. After applying any, it rebuilds the rollups from {@code events}
 * ({@link Rollups}), so a migration only defines tables and views. With {@code xxgk.clickhouse.cluster}
 * set, the same scripts run cluster-wide on replicated tables ({@link ClusterDdl}). The aggregator
 * owns the schema: it is the one service that declares this bean.
 */
public class ClickHouseMigrations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseMigrations.class);
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    record Migration(int version, String name, String sql) {
    }

    private final ClickHouseProperties properties;

    public ClickHouseMigrations(ClickHouseProperties properties) {
        this.properties = properties;
    }

    /** As a bean, the schema is migrated before anything that reads or writes it starts. */
    @Override
    public void afterPropertiesSet() {
        migrate();
    }

    /** Applies the pending migrations; the tables then hold the schema of the newest script. */
    public void migrate() {
        // a client without default database: the database may not exist yet
        try (Client client = ClickHouseClients.builder(properties).build()) {
            String db = properties.database();
            run(client, ddl("CREATE DATABASE IF NOT EXISTS `" + db + "`"));
            run(client, ddl("CREATE TABLE IF NOT EXISTS `" + db + "`.schema_migrations "
                    + "(version UInt32, name String, applied_at DateTime DEFAULT now()) ENGINE = MergeTree ORDER BY version"));
            Set<Integer> applied = client.queryAll("SELECT version FROM `" + db + "`.schema_migrations").stream()
                    .map(r -> (int) r.getLong("version")).collect(Collectors.toSet());
            // every pending statement made cluster-wide before the first runs: none is left half-applied by one that cannot be
            Map<Migration, List<String>> pending = new LinkedHashMap<>();
            scripts(load().stream().filter(m -> !applied.contains(m.version())).toList(), db)
                    .forEach((migration, statements) -> pending.put(migration, statements.stream().map(this::ddl).toList()));
            for (Map.Entry<Migration, List<String>> script : pending.entrySet()) {
                Migration migration = script.getKey();
                for (String statement : script.getValue()) {
                    run(client, statement);
                }
                client.query("INSERT INTO `" + db + "`.schema_migrations (version, name) VALUES ({v:UInt32}, {n:String})",
                        Map.of("v", migration.version(), "n", migration.name())).get().close();
                log.info("applied ClickHouse migration V{}__{}", migration.version(), migration.name());
            }
            if (!pending.isEmpty()) {
                // a new or changed rollup starts with what events already hold
                new Rollups(client, db).rebuildAll();
            }
        } catch (Exception e) {
            throw new IllegalStateException("ClickHouse migrations failed at " + properties.url() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The statements of the pending migrations as run on {@code database}, each rollup's SELECT in
     * place reading its events. A view that a later pending script creates again is created only
     * there: its SELECT is today's, which may read columns only that later script adds.
     */
    static Map<Migration, List<String>> scripts(List<Migration> pending, String database) {
        RollupSelects selects = RollupSelects.load();
        Map<Migration, List<String>> scripts = new LinkedHashMap<>();
        for (Migration migration : pending) {
            scripts.put(migration, statements(migration.sql()).stream()
                    .filter(statement -> selects.references(statement).stream().noneMatch(view -> pending.stream()
                            .anyMatch(later -> later.version() > migration.version() && selects.references(later.sql()).contains(view))))
                    .map(statement -> selects.expand(statement, "${database}.events").replace("${database}", database))
                    .toList());
        }
        return scripts;
    }

    /** The statement as this deployment runs it: as written on a single server, cluster-wide on a cluster. */
    private String ddl(String statement) {
        return properties.cluster().isBlank() ? statement : ClusterDdl.onCluster(statement, properties.cluster());
    }

    static List<Migration> load() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:db/clickhouse/V*__*.sql");
        return Arrays.stream(resources).map(r -> {
            Matcher m = SCRIPT.matcher(r.getFilename());
            if (!m.matches()) {
                throw new IllegalStateException("migration file name not of the form V<n>__<name>.sql: " + r.getFilename());
            }
            try {
                return new Migration(Integer.parseInt(m.group(1)), m.group(2), r.getContentAsString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sorted(Comparator.comparingInt(Migration::version)).toList();
    }

    static List<String> statements(String sql) {
        return Arrays.stream(sql.split(";\\s*(\\n|$)"))
                .map(s -> s.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n")).strip())
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static void run(Client client, String statement) throws Exception {
        client.query(statement).get().close();
    }
}
