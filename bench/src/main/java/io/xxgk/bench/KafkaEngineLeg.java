package io.xxgk.bench;

import com.clickhouse.client.api.Client;
import io.xxgk.contract.Topics;
import java.time.Duration;

/**
 * What a user would wire by hand to get the events topic into ClickHouse: a Kafka engine table
 * reading the structured CloudEvents, and a materialized view parsing them into a typed MergeTree
 * table (the org from the record header, the day in Shanghai time). It neither drops copies nor
 * keeps rollups.
 */
final class KafkaEngineLeg {

    private static final String DATABASE = "bench_engine";

    private KafkaEngineLeg() {
    }

    /** @return events/s from the view's creation (when the engine starts consuming) to the last of {@code expected} stored */
    static double run(Client clickHouse, String bootstrap, long expected) throws Exception {
        exec(clickHouse, "DROP DATABASE IF EXISTS " + DATABASE + " SYNC");
        exec(clickHouse, "CREATE DATABASE " + DATABASE);
        exec(clickHouse, """
                CREATE TABLE %s.events (org LowCardinality(String), source String, id String, type LowCardinality(String),
                    time DateTime64(3, 'UTC'), day Date, channel LowCardinality(String), item String,
                    department LowCardinality(String), category UInt8, original Bool, title String,
                    views UInt64, readers UInt64, total_views UInt64, total_readers UInt64)
                ENGINE = MergeTree PARTITION BY toYear(day) ORDER BY (org, type, day)""".formatted(DATABASE));
        exec(clickHouse, """
                CREATE TABLE %s.queue (specversion String, id String, source String, type String, time String, subject String,
                    datacontenttype String, data String)
                ENGINE = Kafka SETTINGS kafka_broker_list = '%s', kafka_topic_list = '%s', kafka_group_name = 'bench-kafka-engine',
                    kafka_format = 'JSONEachRow'""".formatted(DATABASE, bootstrap, Topics.EVENTS));
        long start = System.nanoTime();
        exec(clickHouse, """
                CREATE MATERIALIZED VIEW %1$s.parse TO %1$s.events AS
                SELECT _headers.value[indexOf(_headers.name, '%2$s')] AS org, source, id, type,
                       parseDateTime64BestEffort(time, 3) AS time, toDate(time, 'Asia/Shanghai') AS day,
                       JSONExtractString(data, 'channel') AS channel, JSONExtractString(data, 'itemId') AS item,
                       JSONExtractString(data, 'department') AS department, JSONExtractUInt(data, 'category') AS category,
                       JSONExtractBool(data, 'original') AS original, JSONExtractString(data, 'title') AS title,
                       JSONExtractUInt(data, 'views') AS views, JSONExtractUInt(data, 'readers') AS readers,
                       JSONExtractUInt(data, 'totalViews') AS total_views, JSONExtractUInt(data, 'totalReaders') AS total_readers
                FROM %1$s.queue""".formatted(DATABASE, Topics.ORG_HEADER));
        try {
            return Leg.measure(clickHouse, DATABASE, expected, start, Duration.ofMinutes(10));
        } finally {
            exec(clickHouse, "DROP DATABASE IF EXISTS " + DATABASE + " SYNC");
        }
    }

    private static void exec(Client clickHouse, String sql) throws Exception {
        clickHouse.query(sql).get().close();
    }
}
