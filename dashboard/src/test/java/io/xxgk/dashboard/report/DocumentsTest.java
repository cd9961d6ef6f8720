package io.xxgk.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.contract.EventData.ItemPublished;
import io.xxgk.contract.EventData;
import io.xxgk.dashboard.DashboardServerTest;
import io.xxgk.dashboard.DashboardTestServers;
import io.xxgk.registry.OrgChecklist;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.store.events.StoredEvent;
import io.xxgk.testing.LibreOffice;
import io.xxgk.testing.RealServers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every document a writer attaches, opened by a real office suite: LibreOffice converts each DOCX
 * and XLSX to PDF, the PDF's text holds the title, the headers and a known figure, and its first
 * pages are kept as PNGs under target/documents/ for a person to look at. Each DOCX is valid at the schema's
 * level: a grid per table as wide as its rows, a width per cell, the page set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentsTest extends DashboardServerTest {

    private static final DashboardTestServers SERVERS = DashboardTestServers.create("documents");
    static final Path ARTIFACTS = Path.of("target", "documents");

    @Override
    protected DashboardTestServers servers() {
        return SERVERS;
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SERVERS.register(registry);
    }

    @BeforeAll
    static void events() throws Exception {
        SERVERS.migrate();
        SERVERS.orgs("docs");
        try (RegistryWriter writer = new RegistryWriter(RealServers.get().kafkaBootstrap(), SERVERS.registryTopic())) {
            writer.put(new OrgChecklist("docs", 1, List.of(new OrgChecklist.Item(6, null, "党政办公室", "https://xxgk.docs.edu.cn/ndbg"),
                    new OrgChecklist.Item(12, null, null, null, false)), "admin", Instant.now()));
        }
        List<StoredEvent> rows = new ArrayList<>();
        for (int i = 0; i < 1300; i++) {
            rows.add(row("p" + i, "2024-03-0" + (1 + i % 9), new ItemPublished("website", "w" + i, null, i % 2 == 0 ? 6 : 33,
                    i % 2 == 0 ? "党政办公室" : "教务处", false, null)));
        }
        for (int i = 0; i < 372; i++) {
            rows.add(row("q" + i, "2024-04-01", new ItemPublished("wechat", "c" + i, null, null, "宣传部", i < 256, null)));
        }
        rows.add(row("v1", "2024-05-01", new EventData.ItemViewed("website", "w1", 1_912_345, null)));
        rows.add(row("v2", "2024-05-01", new EventData.ItemViewed("wechat", "c1", 45_678, 23_456L)));
        rows.add(row("f1", "2024-12-30", new EventData.ChannelFollowers("wechat", 78_123)));
        for (int i = 0; i < 15; i++) {
            rows.add(row("n" + i, "2024-0" + (1 + i % 9) + "-15", new EventData.IssueReleased("newspaper", 322 + i, 4, null)));
        }
        rows.add(row("r1", "2024-06-01", new EventData.RequestEvent(EventData.RequestStage.RECEIVED, "req1", null, Optional.empty())));
        rows.add(row("r2", "2024-06-05", new EventData.RequestEvent(EventData.RequestStage.DECLINED, "req1", "信息不存在", Optional.empty())));
        rows.add(row("c1", "2024-07-01", new EventData.ComplaintReceived("cmp1", EventData.ComplaintKind.REPORT, Optional.empty())));
        rows.add(row("s1", "2024-08-01", new EventData.ServiceContact(EventData.ContactKind.CALL, 402, Optional.empty())));
        SERVERS.store(rows);
        Files.createDirectories(ARTIFACTS);
    }

    private static StoredEvent row(String id, String day, EventData data) {
        return DashboardTestServers.event("docs", id, day, data);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "report?year=2024&format=docx | docs大学2024年度信息公开统计.docx | docs大学2024年度信息公开工作年度报告;二、主动公开情况;表2 各公开渠道情况;信息数（条）;合计;1672;1300",
            "report?year=2024&format=xlsx | docs大学2024年度信息公开统计.xlsx | 表1 主动公开及依申请公开情况;主动公开信息（条）;1,672;各公开渠道情况",
            "checklist-table?year=2024&format=docx | docs大学2024年度信息公开事项清单公开情况表.docx | docs大学2024年度信息公开事项清单公开情况表;公开事项;一、基本信息;不适用;党政办公室;2024年3月9日",
            "checklist-table?year=2024&format=xlsx | docs大学2024年度信息公开事项清单公开情况表.xlsx | docs大学2024年度信息公开事项清单公开情况表;公开事项;不适用;党政办公室;650",
            "annual-report?year=2024&format=docx | docs大学2024年度信息公开工作年度报告.docx | docs大学2024年度信息公开工作年度报告;一、概述;四、收费及减免情况;七、其他需要报告的事项;附件;公开事项;1600余条"})
    void eachDocumentOpensInAnOfficeSuiteWithItsTitleHeadersAndFigures(String path, String fileName, String expected) throws Exception {
        HttpResponse<byte[]> response = client().download("/api/v1/orgs/docs/" + path, "*/*");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String disposition = URLDecoder.decode(response.headers().firstValue("Content-Disposition").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(disposition).as("named after the institution and the period").contains(fileName);
        Path file = ARTIFACTS.resolve(fileName);
        Files.write(file, response.body());
        if (fileName.endsWith(".docx")) {
            schemaValid(response.body());
        }

        Path pdf = LibreOffice.toPdf(file);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            for (String part : expected.split(";")) {
                assertThat(text).as("%s holds %s", fileName, part).contains(part.replace(" ", ""));
            }
            // page one under the document's name, the next two beside it, for a person to look at
            String png = fileName.replaceAll("\\.(docx|xlsx)$", "-$1");
            for (int page = 0; page < Math.min(3, document.getNumberOfPages()); page++) {
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page, 80), "png",
                        ARTIFACTS.resolve(png + (page == 0 ? "" : "-p" + (page + 1)) + ".png").toFile());
            }
        }
    }

    /** What the OOXML schema requires and Word, WPS and python-docx rely on. */
    private static void schemaValid(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            CTBody body = document.getDocument().getBody();
            assertThat(body.isSetSectPr()).as("the page is set (w:sectPr)").isTrue();
            assertThat(body.getDomNode().getLastChild().getLocalName()).as("w:sectPr closes the body").isEqualTo("sectPr");
            assertThat(document.getTables()).isNotEmpty();
            for (XWPFTable table : document.getTables()) {
                assertThat(table.getCTTbl().getTblGrid()).as("w:tblGrid").isNotNull();
                int columns = table.getCTTbl().getTblGrid().sizeOfGridColArray();
                for (XWPFTableRow row : table.getRows()) {
                    int spanned = 0;
                    for (XWPFTableCell cell : row.getTableCells()) {
                        var properties = cell.getCTTc().getTcPr();
                        assertThat(properties != null && properties.isSetTcW()).as("every cell has its width (w:tcW)").isTrue();
                        spanned += properties.isSetGridSpan() ? properties.getGridSpan().getVal().intValue() : 1;
                    }
                    assertThat(spanned).as("a row spans the grid's %d columns", columns).isEqualTo(columns);
                }
            }
        }
    }

}
