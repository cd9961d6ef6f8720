-- The rollups that, with item_daily (V3), hold every figure of a report, so that no report reads
-- events. Each is fed by a materialized view on events, which receives each distinct event once.
-- Every aggregate but a sum is idempotent (max, uniqExact): an event stored twice by accident
-- changes only sums, and `repair` rebuilds a year of every rollup from events.

-- Publications and retractions per item and local day: items, original items, checklist and
-- departments. `published` is the day's latest publication as (time, original, category,
-- department), with time 0 on a day without one.
CREATE TABLE IF NOT EXISTS ${database}.item_publications
(
    org       LowCardinality(String),
    channel   LowCardinality(String),
    item      String,
    day       Date,
    published SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), Bool, UInt8, String)),
    retracted SimpleAggregateFunction(max, Bool)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYear(day)
ORDER BY (org, channel, item, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.item_publications_mv TO ${database}.item_publications AS
${rollup:item_publications_mv};

-- Follower snapshots per channel and local day: the day's latest as (time, followers).
CREATE TABLE IF NOT EXISTS ${database}.channel_followers
(
    org       LowCardinality(String),
    channel   LowCardinality(String),
    day       Date,
    followers SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), UInt64))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYear(day)
ORDER BY (org, channel, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.channel_followers_mv TO ${database}.channel_followers AS
${rollup:channel_followers_mv};

-- Issues per channel, issue number and local day: the latest release's (time, pages).
CREATE TABLE IF NOT EXISTS ${database}.channel_issues
(
    org          LowCardinality(String),
    channel      LowCardinality(String),
    issue_number UInt64,
    day          Date,
    released     SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), UInt32))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYear(day)
ORDER BY (org, channel, issue_number, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.channel_issues_mv TO ${database}.channel_issues AS
${rollup:channel_issues_mv};

-- Requests, complaints and service contacts per type, kind and local day: the distinct request
-- or complaint ids (an exact set, merged across days) and the sum of contact counts.
CREATE TABLE IF NOT EXISTS ${database}.casework_daily
(
    org      LowCardinality(String),
    type     LowCardinality(String),
    kind     LowCardinality(String),
    day      Date,
    refs     AggregateFunction(uniqExact, String),
    contacts SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYear(day)
ORDER BY (org, type, kind, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS ${database}.casework_daily_mv TO ${database}.casework_daily AS
${rollup:casework_daily_mv};
