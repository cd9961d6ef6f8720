-- The truth: one row per distinct event (org, key), typed. The aggregator writes an event here
-- once (it looks its key up before inserting); a copy that slips through is merged away, and
-- FINAL reads are exact regardless. Rollups are derived from this table, never from Kafka.
CREATE TABLE IF NOT EXISTS ${database}.events
(
    org           LowCardinality(String),
    key           UUID COMMENT 'name-based UUID of (source, id): the event''s identity',
    source        String,
    id            String,
    type          LowCardinality(String),
    time          DateTime64(3, 'UTC'),
    day           Date COMMENT 'the local day of time in the org''s time zone',
    channel       LowCardinality(String),
    item          String,
    department    LowCardinality(String),
    category      UInt8 COMMENT 'checklist item 1-50, 0 when not given',
    original      Bool,
    title         String,
    url           String,
    views         UInt64,
    readers       UInt64,
    total_views   UInt64,
    total_readers UInt64,
    followers     UInt64,
    issue_number  UInt64,
    pages         UInt32,
    items         UInt32,
    ref           String COMMENT 'requestId or complaintId',
    kind          LowCardinality(String) COMMENT 'request stage, complaint kind or contact kind',
    count         UInt64,
    ingested_at   DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYear(day)
ORDER BY (org, key);

-- superseded by events (it stored untyped JSON)
DROP TABLE IF EXISTS ${database}.events_raw;
