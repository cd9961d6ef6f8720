-- Every event as it arrived, one row per (org, source, id): a re-sent event replaces its first copy
-- when parts merge, and queries that must be exact read it with FINAL or group by the key.
CREATE TABLE IF NOT EXISTS ${database}.events_raw
(
    org         LowCardinality(String),
    source      String,
    id          String,
    type        LowCardinality(String),
    time        DateTime64(3, 'UTC'),
    subject     String,
    channel     LowCardinality(String),
    data        String,
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY (org, source, id);
