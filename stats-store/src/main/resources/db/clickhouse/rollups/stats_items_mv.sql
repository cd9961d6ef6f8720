-- A rollup's one SELECT: ${source} is the events table when its view is created (each inserted block),
-- a year of events FINAL when the rollup is rebuilt (Rollups).
SELECT org, channel, item, min(day) AS first_day
FROM ${source}
WHERE type = 'xxgk.item.stats'
GROUP BY org, channel, item
