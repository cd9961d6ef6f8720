package io.xxgk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import io.xxgk.testing.RealServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The migrations made cluster-wide. A cluster (Keeper, replicas) runs only where Docker does
 * ({@code ClusterMigrationsTest}, {@code -Pcontainers}); here every statement of every migration is
 * checked in its cluster form by ClickHouse's own parser, and for what a cluster needs.
 */
class ClusterDdlTest {

    @Test
    void tablesBecomeReplicatedAndEveryDefinitionRunsOnTheCluster() {
        assertThat(ClusterDdl.onCluster("CREATE TABLE IF NOT EXISTS xxgk.events (org String) ENGINE = ReplacingMergeTree\n"
                + "PARTITION BY toYear(day) ORDER BY (org, key)", "xxgk"))
                .isEqualTo("CREATE TABLE IF NOT EXISTS xxgk.events ON CLUSTER `xxgk` (org String) ENGINE = "
                        + "ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')\n"
                        + "PARTITION BY toYear(day) ORDER BY (org, key)");
        assertThat(ClusterDdl.onCluster("CREATE TABLE t (v UInt8) ENGINE = ReplacingMergeTree(v) ORDER BY v", "c"))
                .contains("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', v)");
        assertThat(ClusterDdl.onCluster("CREATE MATERIALIZED VIEW IF NOT EXISTS `db`.v_mv TO `db`.v AS SELECT 1 FROM `db`.events", "c"))
                .isEqualTo("CREATE MATERIALIZED VIEW IF NOT EXISTS `db`.v_mv ON CLUSTER `c` TO `db`.v AS SELECT 1 FROM `db`.events");
        assertThat(ClusterDdl.onCluster("DROP TABLE IF EXISTS db.old", "c")).isEqualTo("DROP TABLE IF EXISTS db.old ON CLUSTER `c` SYNC");
        assertThat(ClusterDdl.onCluster("ALTER TABLE db.t ADD COLUMN x UInt8", "c")).isEqualTo("ALTER TABLE db.t ON CLUSTER `c` ADD COLUMN x UInt8");
        assertThat(ClusterDdl.onCluster("CREATE DATABASE IF NOT EXISTS `db`", "c")).isEqualTo("CREATE DATABASE IF NOT EXISTS `db` ON CLUSTER `c`");
        String insert = "INSERT INTO db.item_daily SELECT * FROM db.events FINAL";
        assertThat(ClusterDdl.onCluster(insert, "c")).as("replication copies inserts").isSameAs(insert);
    }

    @Test
    void aStatementThatCannotRunOnTheClusterFailsTheMigrationBeforeItStarts() {
        assertThatThrownBy(() -> ClusterDdl.onCluster("OPTIMIZE TABLE db.events FINAL", "c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPTIMIZE TABLE db.events FINAL");
    }

    @Test
    void aStagingCopyOfAReplicatedTableIsLocal() {
        assertThat(ClusterDdl.unreplicated("ReplicatedAggregatingMergeTree('/clickhouse/tables/1/xxgk/item_daily', 'r1') "
                + "PARTITION BY toYear(day) ORDER BY (org, channel, item, day) SETTINGS index_granularity = 8192"))
                .isEqualTo("AggregatingMergeTree PARTITION BY toYear(day) ORDER BY (org, channel, item, day) SETTINGS index_granularity = 8192");
        assertThat(ClusterDdl.unreplicated("ReplicatedReplacingMergeTree('/p/{shard}', '{replica}', ver) ORDER BY (a, b)"))
                .isEqualTo("ReplacingMergeTree(ver) ORDER BY (a, b)");
        assertThat(ClusterDdl.unreplicated("ReplicatedMergeTree ORDER BY a")).isEqualTo("MergeTree ORDER BY a");
        assertThat(ClusterDdl.unreplicated("MergeTree ORDER BY a")).isEqualTo("MergeTree ORDER BY a");
    }

    @Test
    void everyMigrationInItsClusterFormIsClickHouseSql() throws Exception {
        ClickHouseProperties properties = new ClickHouseProperties(RealServers.get().clickhouseUrl(), "default", "default", "");
        List<String> clustered = new ArrayList<>();
        for (List<String> script : ClickHouseMigrations.scripts(ClickHouseMigrations.load(), "xxgk").values()) {
            for (String statement : script) {
                clustered.add(ClusterDdl.onCluster(statement, "xxgk"));
            }
        }

        try (Client client = ClickHouseClients.builder(properties).build()) {
            for (String statement : clustered) {
                // parsed by the server and printed back in its own form: a syntax error fails here
                List<GenericRecord> formatted = client.queryAll("SELECT formatQuerySingleLine({q:String}) AS f", Map.of("q", statement), null);
                String normalized = formatted.getFirst().getString("f");
                if (statement.startsWith("CREATE") || statement.startsWith("DROP")) {
                    assertThat(normalized).as(statement).contains("ON CLUSTER xxgk");
                }
                if (normalized.contains(" ENGINE = ")) {
                    assertThat(normalized).as(statement).containsPattern("ENGINE = Replicated\\w*MergeTree\\('/clickhouse/tables/\\{shard\\}/");
                }
            }
        }
        assertThat(clustered).as("tables, views with their rollups' SELECTs in place, and a drop").hasSizeGreaterThan(14)
                .noneMatch(s -> s.contains("${")).anyMatch(s -> s.startsWith("DROP")).anyMatch(s -> s.contains("MATERIALIZED VIEW"));
    }
}
