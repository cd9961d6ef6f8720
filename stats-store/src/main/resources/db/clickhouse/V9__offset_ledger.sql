-- Exactly once with any number of aggregators (docs/counting.md, "Two consumers, one batch").
-- The ledger of the events topic's offset ranges: a range is claimed before it is stored (an
-- insert deduplicated by the range's start, so that of two aggregators claiming the same records
-- one wins and the other is told it wrote nothing) and marked stored after. A batch is split at
-- the ranges already claimed, so every aggregator stores the same records as the same block,
-- under the same token: ClickHouse keeps the first, in events and in every rollup.
CREATE TABLE IF NOT EXISTS ${database}.offset_ledger
(
    topic     LowCardinality(String),
    partition UInt32,
    start     UInt64 COMMENT 'first offset of the range',
    end       UInt64 COMMENT 'last offset of the range, included',
    state     Enum8('claimed' = 1, 'stored' = 2),
    claimant  String COMMENT 'the aggregator instance, for the operator',
    at        DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY (topic, partition, start, state)
TTL toDateTime(at) + INTERVAL 90 DAY
SETTINGS non_replicated_deduplication_window = 10000;

-- the token of the block that stored the row: a block stored again (its insert failed) is made of
-- the same rows, which the dedup lookup then must not take for rows stored by another block
ALTER TABLE ${database}.events ADD COLUMN IF NOT EXISTS block String DEFAULT '';
