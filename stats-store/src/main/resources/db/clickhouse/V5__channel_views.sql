-- Views of a period without reading every item: the deltas of all items summed per channel and
-- day, and the items that have running totals (whose totals replace their deltas), so that only
-- those items' rows of item_daily are read. Most items (website, WeChat) have only deltas.
CREATE TABLE IF NOT EXISTS ${database}.channel_views_daily
(
    org     LowCardinality(String),
    channel LowCardinality(String),
    day     Date,
    views   SimpleAggregateFunction(sum, UInt64),
    readers SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYear(day)
ORDER BY (org, channel, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.channel_views_daily_mv TO ${database}.channel_views_daily AS
${rollup:channel_views_daily_mv};

-- Items with running totals, and the first day they had one (from then on their totals count).
-- Partitioned by year like every rollup, so a year can be rebuilt; an item has a row per year.
CREATE TABLE IF NOT EXISTS ${database}.stats_items
(
    org       LowCardinality(String),
    channel   LowCardinality(String),
    item      String,
    first_day SimpleAggregateFunction(min, Date)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYear(first_day)
ORDER BY (org, channel, item);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.stats_items_mv TO ${database}.stats_items AS
${rollup:stats_items_mv};
