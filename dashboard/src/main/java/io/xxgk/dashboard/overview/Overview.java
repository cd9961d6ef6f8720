package io.xxgk.dashboard.overview;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.xxgk.dashboard.report.AnnualReport;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import java.util.List;

/**
 * What leadership sees first: a year against the one before, per channel, per month, per
 * department, and how much of the checklist has been published.
 *
 * @param org the org's id, or province for the province's roll-up
 */
record Overview(String org, int year, Headline current, Headline previous, List<ChannelBar> channels, List<Month> months,
                List<PeriodFigures.DepartmentFigures> departments, Coverage checklist) {

    /** A year's totals and the followers of all channels at its end. */
    record Headline(@JsonUnwrapped ReportPeriod period, @JsonUnwrapped PeriodFigures.Totals totals, long followers) {
        static Headline of(AnnualReport report) {
            return new Headline(report.period().span(), report.totals(), report.channels().stream().mapToLong(c -> c.figures().followers()).sum());
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
