-- The notice an item publishes (data.noticeId of xxgk.item.published): one notice sent out on the
-- website, WeChat and a department's site is one notice in a report's total. Kept from V7 on;
-- items published before are each their own notice.
ALTER TABLE ${database}.events ADD COLUMN IF NOT EXISTS notice String DEFAULT '' COMMENT 'the noticeId of a published item, or empty';

-- item_publications keeps the notice of the day's latest publication, as (time, notice), whose time decides
ALTER TABLE ${database}.item_publications ADD COLUMN IF NOT EXISTS notice SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String));

DROP VIEW IF EXISTS ${database}.item_publications_mv;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.item_publications_mv TO ${database}.item_publications AS
${rollup:item_publications_mv};
