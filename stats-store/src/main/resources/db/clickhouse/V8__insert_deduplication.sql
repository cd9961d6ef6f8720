-- A block the aggregator stores is deduplicated by its token in events and in every rollup on
-- its own, so that storing a failed block again completes it: ClickHouse can fail (or stop) after
-- writing events and before writing every rollup its views feed, and the retry must fill those
-- rollups without doubling the others. Plain inserts (fixtures, rebuilds) turn deduplication off.
ALTER TABLE ${database}.events MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE ${database}.item_daily MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE ${database}.item_publications MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE ${database}.channel_followers MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE ${database}.channel_issues MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE ${database}.casework_daily MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE ${database}.channel_views_daily MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE ${database}.stats_items MODIFY SETTING non_replicated_deduplication_window = 10000;
ALTER TABLE ${database}.declined_reasons MODIFY SETTING non_replicated_deduplication_window = 10000;
