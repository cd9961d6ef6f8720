package io.xxgk.dashboard.report;

import io.xxgk.dashboard.documents.Xlsx;
import java.util.List;

/** The report as a workbook: 汇总, 渠道, 部门 and 清单 sheets and the text, numbers as numbers and dates as dates. */
final class ReportXlsx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ReportXlsx() {
    }

    static byte[] of(AnnualReport r) {
        ReportTables tables = ReportTables.of(r);
        Xlsx book = new Xlsx();
        List<String> period = period(r);
        book.sheet("汇总", tables.summary(), false, period);
        book.sheet("渠道", tables.channels(), false, period);
        book.sheet("清单", tables.checklist(), true, period);
        book.sheet("部门", tables.departments(), false, period);
        book.textSheet("报告文字", r.orgName() + r.period().span().label() + "信息公开工作年度报告（统计部分）", List.of(r.text().split("\n")));
        return book.bytes();
    }

    /** The 清单事项公开情况表 alone, as a writer attaches it. */
    static byte[] checklist(AnnualReport r) {
        Xlsx book = new Xlsx();
        book.sheet("清单事项公开情况表", ReportTables.checklist(r), true, period(r));
        return book.bytes();
    }

    private static List<String> period(AnnualReport r) {
        return List.of("统计期：" + r.period().span().label() + "（" + r.period().span().from().format(ReportDocx.DATE) + "至"
                + r.period().span().to().format(ReportDocx.DATE) + "），数据截至" + r.asOf().format(ReportDocx.DATE));
    }
}
