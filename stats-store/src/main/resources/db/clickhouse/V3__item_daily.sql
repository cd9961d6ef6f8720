-- Views per item and local day, so a period's views never scan events: deltas summed, and the
-- day's last running total kept as the max of (time, totalViews, totalReaders), whose time
-- decides. Fed by a materialized view from events, which receives each distinct event once.
CREATE TABLE IF NOT EXISTS ${database}.item_daily
(
    org          LowCardinality(String),
    channel      LowCardinality(String),
    item         String,
    day          Date,
    views        SimpleAggregateFunction(sum, UInt64),
    readers      SimpleAggregateFunction(sum, UInt64),
    last_total   SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), UInt64, UInt64)),
    stats_events SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYear(day)
ORDER BY (org, channel, item, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.item_daily_mv TO ${database}.item_daily AS
${rollup:item_daily_mv};

