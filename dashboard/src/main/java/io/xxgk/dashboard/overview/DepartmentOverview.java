package io.xxgk.dashboard.overview;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import io.xxgk.store.report.StatsQueries;
import java.time.LocalDate;
import java.util.List;

/**
 * One department of the overview, drilled into: its year against the same days of last year, its
 * months beside last year's, its items most viewed, and the checklist items it published or
 * answers for. Its items are those whose latest publication names it, as the report counts them.
 *
 * @param topItems  the year's most viewed items of the department, by the counting rules
 * @param checklist the applicable checklist items it published this year or its org's edition makes it responsible for, in 序号 order
 */
record DepartmentOverview(String org, String orgName, String department, int year, LocalDate asOf, Headline current, Headline previous,
                          List<Overview.Month> months, List<TopItem> topItems, List<ChecklistItem> checklist) {

    record Headline(@JsonUnwrapped ReportPeriod period, @JsonUnwrapped PeriodFigures.DepartmentFigures figures) {
    }

    /** An item of the department's and the name of the channel it is on. */
    record TopItem(String channelName, @JsonUnwrapped StatsQueries.ItemViews item) {
    }

    /**
     * @param published   whether the department published any of it this year
     * @param responsible whether its org's edition names the department responsible for it
     * @param status      已公开 or 未公开, as the report's table says it
     */
    record ChecklistItem(int item, String category, String title, boolean published, boolean responsible, String status) {
    }
}
