-- A rollup's one SELECT: ${source} is the events table when its view is created (each inserted block),
-- a year of events FINAL when the rollup is rebuilt (Rollups).
SELECT org, reason, day, uniqExactState(ref) AS refs
FROM ${source}
WHERE type = 'xxgk.request.declined'
GROUP BY org, reason, day
