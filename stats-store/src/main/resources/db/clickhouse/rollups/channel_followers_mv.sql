-- A rollup's one SELECT: ${source} is the events table when its view is created (each inserted block),
-- a year of events FINAL when the rollup is rebuilt (Rollups).
SELECT org, channel, day, max((time, followers)) AS followers
FROM ${source}
WHERE type = 'xxgk.channel.followers'
GROUP BY org, channel, day
