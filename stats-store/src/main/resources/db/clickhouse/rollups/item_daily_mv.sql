-- A rollup's one SELECT: ${source} is the events table when its view is created (each inserted block),
-- a year of events FINAL when the rollup is rebuilt (Rollups).
SELECT org, channel, item, day,
       sum(if(type = 'xxgk.item.viewed', views, 0)) AS views,
       sum(if(type = 'xxgk.item.viewed', readers, 0)) AS readers,
       max(if(type = 'xxgk.item.stats', (time, total_views, total_readers),
              (toDateTime64(0, 3, 'UTC'), toUInt64(0), toUInt64(0)))) AS last_total,
       toUInt64(countIf(type = 'xxgk.item.stats')) AS stats_events
FROM ${source}
WHERE type IN ('xxgk.item.viewed', 'xxgk.item.stats')
GROUP BY org, channel, item, day
