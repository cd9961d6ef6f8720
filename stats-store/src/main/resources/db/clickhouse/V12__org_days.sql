-- What the pages say of the data itself rather than of a figure: per org and day, the events
-- stored and the newest one's time ("数据更新至 …", the years that have data, a year with none
-- shown as 无数据 rather than as zeros). One row per org and day: a read of every year an org has
-- is a few hundred rows.
CREATE TABLE IF NOT EXISTS ${database}.org_days
(
    org    LowCardinality(String),
    day    Date,
    events SimpleAggregateFunction(sum, UInt64),
    newest SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYear(day)
ORDER BY (org, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.org_days_mv TO ${database}.org_days AS
${rollup:org_days_mv};
