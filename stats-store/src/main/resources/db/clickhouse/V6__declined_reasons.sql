-- The reason a request was declined (data.reason of xxgk.request.declined): kept from V6 on, so
-- that 不予公开 is reported by reason. Requests declined before have none ('').
ALTER TABLE ${database}.events ADD COLUMN IF NOT EXISTS reason String DEFAULT '' COMMENT 'why a request was declined';

-- Declined requests per reason and local day: the distinct request ids, an exact set merged across days.
CREATE TABLE IF NOT EXISTS ${database}.declined_reasons
(
    org    LowCardinality(String),
    reason String,
    day    Date,
    refs   AggregateFunction(uniqExact, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYear(day)
ORDER BY (org, reason, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.declined_reasons_mv TO ${database}.declined_reasons AS
${rollup:declined_reasons_mv};
