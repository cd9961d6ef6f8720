package io.xxgk.dashboard.report;

import io.xxgk.dashboard.documents.Docx;
import io.xxgk.dashboard.documents.Table;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statistics of the annual report as a Word document to paste from: each statistics section
 * under the report's own heading (二、主动公开情况), then its tables; the 清单事项公开情况表 is an
 * attachment of its own ({@link #checklist}).
 */
final class ReportDocx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private ReportDocx() {
    }

    static byte[] of(AnnualReport r) {
        Docx document = new Docx(Docx.Page.PORTRAIT)
                .title(r.orgName() + r.period().span().label() + "信息公开工作年度报告")
                .subtitle("（统计部分，数据截至" + r.asOf().format(DATE) + "）");
        Map<String, AnnualReport.Section> sections = r.sections().stream()
                .collect(Collectors.toMap(AnnualReport.Section::id, Function.identity()));
        for (Outline part : Outline.values()) {
            part.statistics().map(sections::get).filter(s -> !s.text().isEmpty())
                    .ifPresent(section -> document.heading(part.heading()).text(section.text()));
        }
        ReportTables tables = ReportTables.of(r);
        for (Table table : new Table[] {tables.summary(), tables.channels(), tables.departments()}) {
            document.table(table);
        }
        return document.bytes();
    }

    /** The 清单事项公开情况表 as its own attachment, landscape. */
    static byte[] checklist(AnnualReport r) {
        Table table = ReportTables.checklist(r);
        return new Docx(Docx.Page.LANDSCAPE)
                .title(table.title())
                .subtitle("（统计期：" + r.period().span().from().format(DATE) + "至" + r.period().span().to().format(DATE)
                        + "，数据截至" + r.asOf().format(DATE) + "）")
                .table(new Table("", table.header(), table.rows(), true))
                .bytes();
    }
}
