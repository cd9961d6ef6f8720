-- Not a figure: how much an org has stored, per day, and the newest event's time (V12).
SELECT org, day, count() AS events, max(time) AS newest
FROM ${source}
GROUP BY org, day
