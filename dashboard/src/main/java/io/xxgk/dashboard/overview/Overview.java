package io.xxgk.dashboard.overview;

import io.xxgk.dashboard.report.AnnualReport;
import java.util.List;

/**
 * What leadership sees first: a year against the one before, per channel, per month, per
 * department, and how much of the checklist has been published.
 *
 * @param org null for the province's roll-up
 */
record Overview(String org, int year, Headline current, Headline previous, List<ChannelBar> channels, List<Month> months,
                List<AnnualReport.DepartmentLine> departments, Coverage checklist) {

    record Headline(String label, long items, long originalItems, long views, long followers) {
        static Headline of(AnnualReport report) {
            return new Headline(report.period().label(), report.totals().items(), report.totals().originalItems(), report.totals().views(),
                    report.channels().stream().mapToLong(AnnualReport.ChannelLine::followers).sum());
        }
    }

    record ChannelBar(String channel, String name, long items, long itemsLastYear, long views, long viewsLastYear, long followers) {
    }

    record Month(int month, long items, long views) {
    }

    record Coverage(long published, long total, List<CategoryCoverage> categories) {
    }

    record CategoryCoverage(String category, long published, long total) {
    }
}
