-- A rollup's one SELECT: ${source} is the events table when its view is created (each inserted block),
-- a year of events FINAL when the rollup is rebuilt (Rollups).
SELECT org, channel, item, day,
       max(if(type = 'xxgk.item.published', (time, original, category, toString(department)),
              (toDateTime64(0, 3, 'UTC'), false, toUInt8(0), ''))) AS published,
       max(type = 'xxgk.item.retracted') AS retracted,
       max(if(type = 'xxgk.item.published', (time, notice), (toDateTime64(0, 3, 'UTC'), ''))) AS notice
FROM ${source}
WHERE type IN ('xxgk.item.published', 'xxgk.item.retracted')
GROUP BY org, channel, item, day
