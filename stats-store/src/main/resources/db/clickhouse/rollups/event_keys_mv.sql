-- Not a figure: the keys the dedup lookup reads (V10), one row per event and the block that stored it.
SELECT org, day, key, block
FROM ${source}
