package io.xxgk.dashboard.overview;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.xxgk.store.report.ReportPeriod;
import io.xxgk.store.report.StatsQueries;
import java.time.LocalDate;
import java.util.List;

/**
 * One channel of the overview, drilled into: its year against the same days of last year, its
 * months beside last year's, the items most viewed, and the checklist categories its items fall in.
 *
 * @param topItems   the year's most viewed items, by the counting rules
 * @param categories items per checklist category (those with any), this year
 */
record ChannelOverview(String org, String orgName, String channel, String name, int year, LocalDate asOf, Headline current,
                       Headline previous, List<Overview.Month> months, List<StatsQueries.ItemViews> topItems, List<Category> categories) {

    record Headline(@JsonUnwrapped ReportPeriod period, long items, long originalItems, long views, long followers) {
    }

    record Category(int number, String category, long items) {
    }
}
