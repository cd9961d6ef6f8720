-- A rollup's one SELECT: ${source} is the events table when its view is created (each inserted block),
-- a year of events FINAL when the rollup is rebuilt (Rollups).
SELECT org, channel, day, sum(views) AS views, sum(readers) AS readers
FROM ${source}
WHERE type = 'xxgk.item.viewed'
GROUP BY org, channel, day
