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
SELECT org, channel, item, day,
       sum(if(type = 'xxgk.item.viewed', views, 0)) AS views,
       sum(if(type = 'xxgk.item.viewed', readers, 0)) AS readers,
       max(if(type = 'xxgk.item.stats', (time, total_views, total_readers),
              (toDateTime64(0, 3, 'UTC'), toUInt64(0), toUInt64(0)))) AS last_total,
       toUInt64(countIf(type = 'xxgk.item.stats')) AS stats_events
FROM ${database}.events
WHERE type IN ('xxgk.item.viewed', 'xxgk.item.stats')
GROUP BY org, channel, item, day;

-- what events held before the view existed
INSERT INTO ${database}.item_daily
SELECT org, channel, item, day,
       sum(if(type = 'xxgk.item.viewed', views, 0)),
       sum(if(type = 'xxgk.item.viewed', readers, 0)),
       max(if(type = 'xxgk.item.stats', (time, total_views, total_readers), (toDateTime64(0, 3, 'UTC'), toUInt64(0), toUInt64(0)))),
       toUInt64(countIf(type = 'xxgk.item.stats'))
FROM ${database}.events FINAL
WHERE type IN ('xxgk.item.viewed', 'xxgk.item.stats')
GROUP BY org, channel, item, day;
