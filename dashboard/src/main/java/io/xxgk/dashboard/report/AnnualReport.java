package io.xxgk.dashboard.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.xxgk.registry.ChannelKind;
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
public record AnnualReport(String org, Period period, PeriodFigures.Totals totals, List<ChannelLine> channels,
                           List<ChecklistLine> checklist, List<PeriodFigures.DepartmentFigures> departments,
                           PeriodFigures.Requests requests, PeriodFigures.Complaints complaints, PeriodFigures.ServiceContacts service,
                           String text, LocalDate asOf, List<Section> sections, List<CategoryLine> categories, List<OrgLine> orgs,
                           @JsonIgnore PeriodFigures.Reported reported, String orgName) {

    /**
     * The same report with its sections and the text they make, which are written from the rest:
     * the sections' texts, those that have one, a line each.
     */
    AnnualReport withSections(List<Section> sections) {
        String text = String.join("\n", sections.stream().map(Section::text).filter(t -> !t.isEmpty()).toList());
        return new AnnualReport(org, period, totals, channels, checklist, departments, requests, complaints, service, text, asOf,
                sections, categories, orgs, reported, orgName);
    }

    /** The period, and whether it has ended ({@code asOf} is then its last day). */
    public record Period(@JsonUnwrapped ReportPeriod span, boolean complete) {
    }

    /**
     * A section of the report's statistics, as the report's outline has them.
     *
     * @param id       period, proactive, requests, complaints, service
     * @param reported false when nothing of the section's kind was ever sent by the period's end: no data, not zero (its text is empty)
     */
    public record Section(String id, String title, String text, boolean reported) {
    }

    /**
     * A channel's figures under the name the org gives it (学校官网). The JSON is flat, id and
     * name first: {@code {"channel", "name", "items", …}}.
     *
     * @param kind what sort of channel it is, or null for a channel no longer in the registry
     */
    public record ChannelLine(String channel, String name,
                              @JsonUnwrapped @JsonIgnoreProperties("channel") PeriodFigures.ChannelFigures figures,
                              List<CategoryItems> categories, ChannelKind kind) {

        public ChannelLine(String name, PeriodFigures.ChannelFigures figures, List<CategoryItems> categories, ChannelKind kind) {
            this(figures.channel(), name, figures, categories, kind);
        }
    }

    /**
     * One institution's totals in a province's report, for comparison; most items first.
     *
     * @param checklistDisclosed  its applicable checklist items disclosed at the period's end (by its own edition)
     * @param checklistApplicable the checklist items its edition does not mark 不适用
     */
    public record OrgLine(String org, String name, PeriodFigures.Totals totals, long checklistDisclosed, long checklistApplicable) {
    }

    /** Items published in the period in one checklist category (1-10). */
    public record CategoryItems(int number, long items) {
    }

    /**
     * A checklist category (一 基本信息 … 十 其他): items published in the period, and of its checklist
     * items those disclosed at the period's end and those that apply.
     */
    public record CategoryLine(int number, String category, long items, long disclosed, long applicable) {
    }

    /**
     * One line of the 清单事项公开情况表: every catalog item, published in the period or not.
     *
     * @param count       publications in the period
     * @param lastDate    the last of them, or null
     * @param departments the departments that published it in the period
     * @param link        the column (栏目) where the org publishes it, or null
     * @param disclosed   published at or before the period's end and not withdrawn since (a standing disclosure counts)
     * @param applicable  false when the org's edition marks it 不适用: then it is neither 已公开 nor 未公开
     * @param responsible the department the edition makes responsible, or null
     * @param categoryNumber its category's number (1-10: 一 基本信息 … 十 其他)
     */
    public record ChecklistLine(int item, String category, String title, long count, LocalDate lastDate, List<String> departments,
                                String link, boolean disclosed, boolean applicable, String responsible, int categoryNumber) {

        /** 已公开, 未公开 or 不适用, as the table says it. */
        public String status() {
            return !applicable ? "不适用" : disclosed ? "已公开" : "未公开";
        }
    }
}
