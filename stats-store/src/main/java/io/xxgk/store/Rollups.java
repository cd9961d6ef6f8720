package io.xxgk.store;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.client.api.query.QuerySettings;
import io.xxgk.contract.EventType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the rollups of a year from {@code events}, the truth. A rollup is whatever a
 * materialized view on events feeds; its rebuild runs that view's one SELECT ({@link RollupSelects})
 * over {@code events FINAL} of the year into a staging table, then swaps the year's partition in
 * one atomic {@code REPLACE PARTITION}.
 *
 * <p>Used after a schema upgrade (a new rollup starts with the events already stored) and to
 * repair: sums in a rollup could count an event twice if two consumers ever stored it at the same
 * moment (a consumer expelled from its group mid-batch). Events stored while a year is rebuilt
 * would be missed by the swap, so a rebuild that sees the year change starts over, and gives up
 * after a few tries: rebuild a year while it is quiet (a past year, or with aggregators stopped).
 */
public final class Rollups {

    /**
     * Event types kept in {@code events} that no rollup reads, so no report can show them; every
     * other type must feed one (RollupsReadEveryTypeTest).
     */
    public static final Set<EventType> STORED_ONLY = Set.of();

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);
    private static final int ATTEMPTS = 3;

    record Rollup(String view, String table, String select) {
    }

    private final Client clickHouse;
    private final String database;

    public Rollups(Client clickHouse, String database) {
        this.clickHouse = clickHouse;
        this.database = database;
    }

    /** Rebuilds every year that has events. */
    public void rebuildAll() {
        for (GenericRecord r : clickHouse.queryAll("SELECT DISTINCT toYear(day) AS year FROM `" + database + "`.events ORDER BY year")) {
            rebuild(r.getInteger("year"));
        }
    }

    /**
     * @throws IllegalStateException when events of the year kept arriving during each attempt
     */
    public void rebuild(int year) {
        if (engine("events").startsWith("Replicated")) {
            // on a cluster, what other replicas stored comes here first: the rebuild reads this replica
            run("SYSTEM SYNC REPLICA `" + database + "`.events", Map.of());
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String before = lastStored(year);
            for (Rollup rollup : rollups()) {
                rebuild(rollup, year);
            }
            if (before.equals(lastStored(year))) {
                log.info("rebuilt the rollups of {} from events", year);
                return;
            }
            log.warn("events of {} arrived while its rollups were rebuilt (attempt {} of {})", year, attempt, ATTEMPTS);
        }
        throw new IllegalStateException("events of " + year + " kept arriving while its rollups were rebuilt; "
                + "rebuild it while no aggregator stores events of that year");
    }

    /**
     * Merges each rollup's partitions of the years before {@code currentYear} into one part: a
     * closed year is read by many reports and hardly written, and ClickHouse leaves a partition in
     * several parts, whose rows a query must then merge itself, for as long as its sizes suit it.
     *
     * @return the partitions merged
     */
    public int compactClosedYears(int currentYear) {
        int compacted = 0;
        for (Rollup rollup : rollups()) {
            List<GenericRecord> split = clickHouse.queryAll("""
                    SELECT partition FROM system.parts WHERE database = {db:String} AND table = {table:String} AND active
                    GROUP BY partition HAVING count() > 1 AND toUInt16OrZero(partition) BETWEEN 1970 AND {year:UInt16} - 1""",
                    Map.of("db", database, "table", rollup.table(), "year", currentYear), null);
            for (GenericRecord partition : split) {
                int year = Integer.parseInt(partition.getString("partition"));
                run("OPTIMIZE TABLE `" + database + "`.`" + rollup.table() + "` PARTITION " + year + " FINAL", Map.of());
                compacted++;
            }
        }
        if (compacted > 0) {
            log.info("merged {} partitions of closed years into one part each", compacted);
        }
        return compacted;
    }

    /** Rows the rollups hold in all (in active parts, before merging rows of a key that parts share). */
    public long rowCount() {
        return clickHouse.queryAll("""
                SELECT toInt64(sum(rows)) AS n FROM system.parts
                WHERE database = {db:String} AND active AND table IN {tables:Array(String)}""",
                Map.of("db", database, "tables", rollups().stream().map(Rollup::table).toList()), null).getFirst().getLong("n");
    }

    List<Rollup> rollups() {
        RollupSelects selects = RollupSelects.load();
        String yearOfEvents = "(SELECT * FROM `" + database + "`.events FINAL WHERE toYear(day) = {year:UInt16}) AS events";
        return clickHouse.queryAll("""
                        SELECT name, extract(create_table_query, ' TO `?[^ .`]+`?\\\\.`?([^ `]+)`? ') AS target
                        FROM system.tables WHERE database = {db:String} AND engine = 'MaterializedView' ORDER BY name""",
                Map.of("db", database), null).stream()
                .map(r -> new Rollup(r.getString("name"), r.getString("target"), selects.select(r.getString("name"), yearOfEvents)))
                .toList();
    }

    private void rebuild(Rollup rollup, int year) {
        String table = "`" + database + "`.`" + rollup.table() + "`";
        String staging = "`" + database + "`.`" + rollup.table() + "_rebuild`";
        run("DROP TABLE IF EXISTS " + staging, Map.of());
        // a local table on this server even on a cluster: the partition swap is what replicates
        run("CREATE TABLE " + staging + " AS " + table + " ENGINE = " + ClusterDdl.unreplicated(engine(rollup.table())), Map.of());
        try {
            // every row of a rebuild is stored: no block of it is taken for another's copy
            run("INSERT INTO " + staging + " " + rollup.select(), Map.of("year", year), new QuerySettings().serverSetting("insert_deduplicate", "0"));
            // an empty rebuild is an answer too: the year has nothing for this rollup
            run("ALTER TABLE " + table + " REPLACE PARTITION " + year + " FROM " + staging, Map.of(),
                    new QuerySettings().serverSetting("allow_replace_partition_from_empty_source", "1"));
        } finally {
            run("DROP TABLE IF EXISTS " + staging, Map.of());
        }
    }

    private String engine(String table) {
        return clickHouse.queryAll("SELECT engine_full FROM system.tables WHERE database = {db:String} AND name = {table:String}",
                Map.of("db", database, "table", table), null).getFirst().getString("engine_full");
    }

    private String lastStored(int year) {
        // merges drop copies but keep the latest insert of each key, so this changes only by new inserts
        return clickHouse.queryAll("SELECT toString(max(ingested_at)) AS mark FROM `" + database
                + "`.events WHERE toYear(day) = {year:UInt16}", Map.of("year", year), null).getFirst().getString("mark");
    }

    private void run(String sql, Map<String, Object> params) {
        run(sql, params, null);
    }

    private void run(String sql, Map<String, Object> params, QuerySettings settings) {
        try {
            clickHouse.query(sql, params, settings).get().close();
        } catch (Exception e) {
            throw new IllegalStateException("rollup rebuild failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
