package io.xxgk.dashboard.annualreport;

import io.xxgk.dashboard.documents.Docx;
import io.xxgk.dashboard.documents.Table;
import io.xxgk.dashboard.report.ReportTables;

/**
 * The whole annual report as one Word document: the title, each section of the outline under its
 * heading with the writer's text and then the statistics, and the 清单事项公开情况表 attached.
 */
final class DraftDocx {

    private DraftDocx() {
    }

    static byte[] of(AnnualReportDrafts.Draft draft) {
        Docx document = new Docx(Docx.Page.PORTRAIT).title(draft.orgName() + draft.year() + "年度信息公开工作年度报告");
        for (AnnualReportDrafts.Section section : draft.sections()) {
            document.heading(section.title());
            if (section.text().isBlank() && section.statistics().isBlank()) {
                // a first draft: the writer sees what belongs here
                document.text("（" + section.hint() + "）");
            }
            document.text(section.text()).text(section.statistics());
        }
        Table checklist = ReportTables.checklist(draft.statistics());
        return document.pageBreak().heading("附件").title(checklist.title())
                .table(new Table("", checklist.header(), checklist.rows(), true)).bytes();
    }
}
