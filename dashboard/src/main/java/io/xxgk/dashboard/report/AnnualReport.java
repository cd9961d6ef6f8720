package io.xxgk.dashboard.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import java.time.LocalDate;
import java.util.List;

/**
 * The statistics section of the annual report for a period, as the report API returns it (the
 * shape is the contract of DESIGN.md: fields may be added, never renamed). The figures are the
 * store's own records ({@link PeriodFigures}); the report adds what people read: channel names,
 * the checklist's lines, and the paragraph.
 */
public record AnnualReport(String org, ReportPeriod period, PeriodFigures.Totals totals, List<ChannelLine> channels,
                           List<ChecklistLine> checklist, List<PeriodFigures.DepartmentFigures> departments,
                           PeriodFigures.Requests requests, PeriodFigures.Complaints complaints, PeriodFigures.ServiceContacts service,
                           String text) {

    /** The same report with its paragraph, which is written from the rest. */
    AnnualReport withText(String text) {
        return new AnnualReport(org, period, totals, channels, checklist, departments, requests, complaints, service, text);
    }

    /**
     * A channel's figures under the name the org gives it (学校官网). The JSON is flat, id and
     * name first: {@code {"channel", "name", "items", …}}.
     */
    public record ChannelLine(String channel, String name,
                              @JsonUnwrapped @JsonIgnoreProperties("channel") PeriodFigures.ChannelFigures figures) {

        public ChannelLine(String name, PeriodFigures.ChannelFigures figures) {
            this(figures.channel(), name, figures);
        }
    }

    /**
     * One line of the 清单事项公开情况表: every catalog item, published in the period or not.
     *
     * @param link the column (栏目) where the org publishes it, or null
     */
    public record ChecklistLine(int item, String category, String title, long count, LocalDate lastDate, List<String> departments,
                                String link) {
        public boolean published() {
            return count > 0;
        }
    }
}
