-- A rollup's one SELECT: ${source} is the events table when its view is created (each inserted block),
-- a year of events FINAL when the rollup is rebuilt (Rollups).
SELECT org, type, kind, day,
       uniqExactStateIf(ref, ref != '') AS refs,
       sum(if(type = 'xxgk.service.contact', count, 0)) AS contacts
FROM ${source}
WHERE type IN ('xxgk.request.received', 'xxgk.request.answered', 'xxgk.request.declined',
               'xxgk.complaint.received', 'xxgk.service.contact')
GROUP BY org, type, kind, day
