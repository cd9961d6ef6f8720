package io.xxgk.dashboard.overview;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.xxgk.dashboard.report.AnnualReport;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What leadership sees first: a year against the one before, per channel, per month, per
 * department, and how much of the checklist has been published.
 *
 * @param org     the org's id, or province for the province's roll-up
 * @param orgName its name, for the page's heading
 * @param asOf    the last day the figures count: the year's end, or today in a year in progress
 * @param stored  what is stored: the year's events, the newest event of all, the years that have any
 * @param institutions the province's: each institution this year against the same days of last year; empty for one org
 */
record Overview(String org, String orgName, int year, LocalDate asOf, Stored stored, Headline current, Headline previous,
                List<ChannelBar> channels, List<Month> months, List<PeriodFigures.DepartmentFigures> departments, Coverage checklist,
                List<Institution> institutions) {

    /** @param checklistPublished its applicable checklist items disclosed this year, of its {@code checklistTotal} applicable */
    record Institution(String org, String name, long items, long itemsLastYear, long originalItems, long views, long viewsLastYear,
                       long checklistPublished, long checklistTotal) {
    }

    /**
     * @param events the year's events stored: none, and the page says 无数据 rather than showing zeros
     * @param newest the newest stored event's time, in the scope's zone; null when nothing is stored
     * @param years  the years with events, newest first
     */
    record Stored(long events, OffsetDateTime newest, List<Integer> years) {
    }

    /** A year's totals and the followers of all channels at its end. */
    record Headline(@JsonUnwrapped ReportPeriod period, @JsonUnwrapped PeriodFigures.Totals totals, long followers) {
        static Headline of(AnnualReport report) {
            return new Headline(report.period().span(), report.totals(), report.channels().stream().mapToLong(c -> c.figures().followers()).sum());
        }
    }

    record ChannelBar(String channel, String name, long items, long itemsLastYear, long views, long viewsLastYear, long followers) {
    }

    /** A month of the year and the same month of the year before. */
    record Month(int month, long items, long views, long itemsLastYear, long viewsLastYear) {
    }

    record Coverage(long published, long total, List<CategoryCoverage> categories) {
    }

    record CategoryCoverage(String category, long published, long total) {
    }
}
