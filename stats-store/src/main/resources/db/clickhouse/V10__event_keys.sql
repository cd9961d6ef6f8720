-- The dedup lookup's own table (docs/counting.md, "The dedup lookup"): which block stored each
-- event, and nothing else. events is ordered by (org, key) too, but a lookup there reads an
-- 8192-row granule of wide rows per key in every part; here a stored key costs one 32-row
-- granule of narrow rows, and the bloom filter (1 in 10 000 false) skips the granules of every
-- other part: a new key, the usual case, reads next to nothing. Fed by a view in the same insert
-- as events, under the block's token, so it holds a key exactly when events does; rebuilt by year
-- from events like any rollup (which fills it with the events stored before this migration).
CREATE TABLE IF NOT EXISTS ${database}.event_keys
(
    org   LowCardinality(String),
    day   Date,
    key   UUID,
    block String,
    INDEX key_bloom key TYPE bloom_filter(0.0001) GRANULARITY 1
)
ENGINE = MergeTree
PARTITION BY toYear(day)
ORDER BY (org, key)
SETTINGS index_granularity = 32, non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.event_keys_mv TO ${database}.event_keys AS
${rollup:event_keys_mv};
