package io.xxgk.dashboard.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The statistics section of the annual report for a period, as the report API returns it (the
 * shape is the contract of DESIGN.md: fields may be added, never renamed).
 */
public record AnnualReport(String org, Period period, Totals totals, List<ChannelLine> channels, List<ChecklistLine> checklist,
                           List<DepartmentLine> departments, Requests requests, Complaints complaints, Service service,
                           String text) {

    /** The same report with its paragraph, which is written from the rest. */
    AnnualReport withText(String text) {
        return new AnnualReport(org, period, totals, channels, checklist, departments, requests, complaints, service, text);
    }

    public record Period(LocalDate from, LocalDate to, String label) {
    }

    public record Totals(long items, long originalItems, long views, long readers) {
    }

    public record ChannelLine(String channel, String name, long items, long originalItems, long views, long readers, long followers,
                              long issues, long lastIssueNumber, long pages) {
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

    public record DepartmentLine(String department, long items, long originalItems) {
    }

    public record Requests(long received, long answered, long declined) {
    }

    public record Complaints(long report, long review, long lawsuit) {
    }

    public record Service(long call, long visit, long online, long handled) {
    }
}
