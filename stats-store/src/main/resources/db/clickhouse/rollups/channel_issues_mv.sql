-- A rollup's one SELECT: ${source} is the events table when its view is created (each inserted block),
-- a year of events FINAL when the rollup is rebuilt (Rollups).
SELECT org, channel, issue_number, day, max((time, pages)) AS released
FROM ${source}
WHERE type = 'xxgk.issue.released'
GROUP BY org, channel, issue_number, day
