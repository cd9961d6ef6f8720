-- The ledger's lookup asks for the ranges overlapping a batch (end >= first AND start <= last):
-- ordered by start, that reads every range of the partition since it began, a scan that grew
-- by the batch until the 90-day TTL. Ranges are claimed in offset order, so a granule's ends lie
-- close together and a minmax index on end skips all but the last few granules.
ALTER TABLE ${database}.offset_ledger ADD INDEX IF NOT EXISTS end_minmax end TYPE minmax GRANULARITY 1;
ALTER TABLE ${database}.offset_ledger MATERIALIZE INDEX end_minmax;
