package io.xxgk.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.contract.EventData.ItemPublished;
import io.xxgk.contract.EventData;
import io.xxgk.dashboard.DashboardServerTest;
import io.xxgk.dashboard.DashboardTestServers;
import io.xxgk.store.events.StoredEvent;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The report API on a real ClickHouse: the JSON of DESIGN.md, the paragraph, and clear refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportApiTest extends DashboardServerTest {

    private static final DashboardTestServers SERVERS = DashboardTestServers.create("reportapi");

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
        SERVERS.orgs("demo");
        List<StoredEvent> rows = new ArrayList<>();
        for (int i = 0; i < 1300; i++) {
            rows.add(row("p" + i, "2024-03-01", new ItemPublished("website", "w" + i, null, i % 2 == 0 ? 6 : 33,
                    i % 2 == 0 ? "党政办公室" : "教务处", false, null)));
        }
        for (int i = 0; i < 372; i++) {
            rows.add(row("q" + i, "2024-04-01", new ItemPublished("wechat", "c" + i, null, null, null, i < 256, null)));
        }
        rows.add(row("v1", "2024-05-01", new EventData.ItemViewed("website", "w1", 1912345, null)));
        rows.add(row("f1", "2024-12-30", new EventData.ChannelFollowers("wechat", 78123)));
        rows.add(row("n1", "2024-06-01", new EventData.IssueReleased("newspaper", 336, 4, null)));
        rows.add(row("n0", "2023-06-01", new EventData.IssueReleased("newspaper", 320, 4, null)));
        SERVERS.store(rows);
    }

    private static StoredEvent row(String id, String day, EventData data) {
        return DashboardTestServers.event("demo", id, day, data);
    }

    @Test
    void aYearsReportHasTheFiguresTheChecklistAndTheParagraph() throws Exception {
        HttpResponse<String> response = client().get("/api/v1/orgs/demo/report?year=2024");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        assertThat(report.path("org").asString()).isEqualTo("demo");
        assertThat(report.path("period").path("from").asString()).isEqualTo("2024-01-01");
        assertThat(report.path("period").path("to").asString()).isEqualTo("2024-12-31");
        assertThat(report.path("period").path("label").asString()).isEqualTo("2024年度");
        assertThat(report.path("totals").path("items").asLong()).isEqualTo(1672);
        assertThat(report.path("totals").path("originalItems").asLong()).isEqualTo(256);
        assertThat(report.path("totals").path("views").asLong()).isEqualTo(1912345);
        JsonNode wechat = channel(report, "wechat");
        assertThat(wechat.path("name").asString()).isEqualTo("微信公众号");
        assertThat(wechat.path("items").asLong()).isEqualTo(372);
        assertThat(wechat.path("originalItems").asLong()).isEqualTo(256);
        assertThat(wechat.path("followers").asLong()).isEqualTo(78123);
        JsonNode newspaper = channel(report, "newspaper");
        assertThat(newspaper.path("issues").asLong()).isEqualTo(1);
        assertThat(newspaper.path("lastIssueNumber").asLong()).isEqualTo(336);
        assertThat(newspaper.path("pages").asLong()).isEqualTo(4);

        assertThat(report.path("checklist")).hasSize(50);
        JsonNode item6 = report.path("checklist").get(5);
        assertThat(item6.path("item").asInt()).isEqualTo(6);
        assertThat(item6.path("category").asString()).isEqualTo("基本信息");
        assertThat(item6.path("title").asString()).isEqualTo("信息公开年度报告");
        assertThat(item6.path("count").asLong()).isEqualTo(650);
        assertThat(item6.path("lastDate").asString()).isEqualTo("2024-03-01");
        assertThat(item6.path("departments").get(0).asString()).isEqualTo("党政办公室");
        assertThat(report.path("checklist").get(0).path("count").asLong()).isZero();
        assertThat(report.path("requests").path("received").asLong()).isZero();
        assertThat(report.path("complaints").path("lawsuit").asLong()).isZero();
        assertThat(report.path("service").path("call").asLong()).isZero();

        assertThat(report.path("text").asString()).isEqualTo("数据统计期限为2024年1月1日至2024年12月31日。\n"
                + "2024年度全校主动公开各类信息1600余条，其中通过学校官网的信息数达1300条，浏览量190余万次；"
                + "通过微信公众号的信息数达370余条，原创信息256条。此外，校报校刊共1期4版，达到第336期。"
                + "截至2024年12月31日，微信公众号订阅人数近8万。");
        assertThat(report.path("asOf").asString()).isEqualTo("2024-12-31");
        assertThat(report.path("period").path("complete").asBoolean()).isTrue();
        assertThat(report.path("sections")).extracting(s -> s.path("id").asString() + "=" + s.path("reported").asBoolean())
                .as("no request, complaint or contact was ever sent: no data, not zero")
                .containsExactly("period=true", "proactive=true", "requests=false", "complaints=false", "service=false");
        assertThat(channel(report, "wechat").path("followersAsOf").asString()).isEqualTo("2024-12-30");
        assertThat(channel(report, "website").path("categories").toString())
                .as("650 items of checklist item 6 (基本信息), 650 of item 33 (教学质量信息)")
                .isEqualTo("[{\"number\":1,\"items\":650},{\"number\":5,\"items\":650}]");
        assertThat(report.path("categories")).hasSize(10);
        assertThat(report.path("departments")).extracting(d -> d.path("department").asString() + ":" + d.path("views").asLong())
                .as("w1's views go to 教务处, which published it").containsExactlyInAnyOrder("党政办公室:0", "教务处:1912345");
        assertThat(report.path("totals").path("notices").asLong()).as("no notice ids: an item each").isEqualTo(1672);
        assertThat(report.path("categories").get(0).toString())
                .isEqualTo("{\"number\":1,\"category\":\"基本信息\",\"items\":650,\"disclosed\":1,\"applicable\":6}");
    }

    @Test
    void aStandingDisclosureIsDisclosedInLaterYearsAndAnItemThatDoesNotApplyIsNeither() throws Exception {
        // item 12 (参加研究生复试的考生成绩) does not apply to the college; item 6 is the 党政办公室's
        HttpResponse<String> saved = client().put("/api/v1/orgs/demo/checklist", """
                {"version": 0, "items": [{"item": 12, "applicable": false}, {"item": 6, "department": "党政办公室"}]}""");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        JsonNode later = json.readTree(client().get("/api/v1/orgs/demo/report?year=2025").body());

        JsonNode item6 = later.path("checklist").get(5);
        assertThat(item6.path("item").asInt()).isEqualTo(6);
        assertThat(item6.path("disclosed").asBoolean()).as("published in 2024, never withdrawn").isTrue();
        assertThat(item6.path("count").asLong()).as("none in 2025").isZero();
        assertThat(item6.path("responsible").asString()).isEqualTo("党政办公室");
        JsonNode item12 = later.path("checklist").get(11);
        assertThat(item12.path("applicable").asBoolean()).isFalse();
        assertThat(item12.path("disclosed").asBoolean()).isFalse();
        assertThat(later.path("checklist").get(0).path("disclosed").asBoolean()).as("item 1: never published").isFalse();
        String csv = new String(client().download("/api/v1/orgs/demo/report?year=2025&format=csv", "*/*").body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("一、基本信息,6,信息公开年度报告,已公开,0,,党政办公室,\r\n", "二、招生考试信息,12,参加研究生复试的考生成绩,不适用,,,,\r\n",
                "一、基本信息,1,").doesNotContain("参加研究生复试的考生成绩,未公开");
        JsonNode overview = json.readTree(client().get("/api/v1/orgs/demo/overview?year=2025").body());
        assertThat(overview.path("checklist").path("published").asLong() + "/" + overview.path("checklist").path("total").asLong())
                .as("items 6 and 33 disclosed, of the 49 that apply").isEqualTo("2/49");
        client().put("/api/v1/orgs/demo/checklist", "{\"version\": 1, \"items\": []}");
    }

    @Test
    void exactNumbersOnRequest() throws Exception {
        JsonNode report = json.readTree(client().get("/api/v1/orgs/demo/report?year=2024&numbers=exact").body());

        assertThat(report.path("text").asString()).contains("\n2024年度全校主动公开各类信息1672条，其中通过学校官网的信息数达1300条，浏览量1912345次；")
                .contains("微信公众号订阅人数78123");
    }

    @Test
    void academicYearsAndRangesHaveTheirLabels() throws Exception {
        assertThat(json.readTree(client().get("/api/v1/orgs/demo/report?academicYear=2023").body()).path("period").path("label").asString())
                .isEqualTo("2023-2024学年");
        JsonNode range = json.readTree(client().get("/api/v1/orgs/demo/report?from=2024-01-01&to=2024-03-31").body());
        assertThat(range.path("period").path("label").asString()).isEqualTo("2024年1月1日至3月31日");
        assertThat(range.path("totals").path("items").asLong()).isEqualTo(1300);
        assertThat(range.path("text").asString()).contains("2024年1月1日至3月31日全校主动公开各类信息1300条").doesNotContain("未收到");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "|period",
            "year=2024&academicYear=2024|period",
            "year=24x|year",
            "year=1999|year",
            "academicYear=|academicYear",
            "from=2024-01-01|to",
            "to=2024-01-01|from",
            "from=2024-13-01&to=2024-12-31|from",
            "from=2024-12-31&to=2024-01-01|to",
            "year=2024&numbers=some|numbers",
            "year=2099|year",
            "from=2099-01-01&to=2099-02-01|from",
    })
    void aBadOrMissingPeriodIsRefusedSayingWhatIsAccepted(String query, String field) throws Exception {
        HttpResponse<String> response = client().get("/api/v1/orgs/demo/report?" + (query == null ? "" : query));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("invalid-params").get(0).path("name").asString()).isEqualTo(field);
        assertThat(problem.path("accepted").asString()).contains("year=YYYY", "academicYear=YYYY", "from=YYYY-MM-DD&to=YYYY-MM-DD");
    }

    @ParameterizedTest
    @CsvSource({"format=csv&year=2024, */*", "year=2024, text/csv"})
    void theReportAsCsvOpensInExcel(String query, String accept) throws Exception {
        HttpResponse<byte[]> response = client().download("/api/v1/orgs/demo/report?" + query, accept);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment", ".csv"));
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF统计期,2024年度,2024-01-01,2024-12-31\r\n")
                .contains("表1 主动公开及依申请公开情况\r\n项目,数量\r\n主动公开信息（条）,1672\r\n")
                .as("a figure a channel's kind does not have is blank, one it has is there, zero or not")
                .contains("微信公众号,372,256,0,0,78123,,,\r\n", "校报校刊,0,,,,,1,336,4\r\n", "合计,1672,256,,,,,,\r\n")
                .as("the 清单 with its categories numbered, the edition's responsible department (none yet)")
                .contains("一、基本信息,6,信息公开年度报告,已公开,650,2024-03-01,,\r\n")
                .contains("一、基本信息,1,")
                .contains("报告文字\r\n数据统计期限为2024年1月1日至2024年12月31日。\r\n2024年度全校主动公开各类信息1600余条");
    }

    @Test
    void theReportAsAWorkbookHasItsSheetsWithNumbersAsNumbersAndDatesAsDates() throws Exception {
        HttpResponse<byte[]> response = client().download("/api/v1/orgs/demo/report?format=xlsx&year=2024", "*/*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".xlsx"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3), book.getSheetName(4)))
                    .containsExactly("汇总", "渠道", "清单", "部门", "报告文字");
            // a title row, the period, the header (frozen), then the rows
            var summary = book.getSheet("汇总");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("表1 主动公开及依申请公开情况");
            assertThat(summary.getRow(3).getCell(0).getStringCellValue()).isEqualTo("主动公开信息（条）");
            assertThat(summary.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(1672);
            assertThat(summary.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            var checklist = book.getSheet("清单");
            assertThat(checklist.getLastRowNum()).as("title, period, header and 50 items").isEqualTo(52);
            var item6 = checklist.getRow(8);
            assertThat(item6.getCell(2).getStringCellValue()).isEqualTo("信息公开年度报告");
            assertThat(item6.getCell(3).getStringCellValue()).isEqualTo("已公开");
            assertThat(item6.getCell(4).getNumericCellValue()).isEqualTo(650);
            assertThat(item6.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 1));
            assertThat(item6.getCell(5).getCellStyle().getDataFormatString()).contains("年");
            assertThat(checklist.getMergedRegions()).as("类别 merged over its items").anySatisfy(r -> assertThat(r.formatAsString()).isEqualTo("A4:A9"));
            assertThat(checklist.getPrintSetup().getLandscape()).isTrue();
            var channels = book.getSheet("渠道");
            boolean wechatFound = false;
            for (var row : channels) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("微信公众号")) {
                    wechatFound = true;
                    assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(372);
                    assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(78123);
                    assertThat(row.getCell(6).getStringCellValue()).as("期数 of a WeChat account").isEqualTo("—");
                }
            }
            assertThat(wechatFound).isTrue();
            assertThat(book.getSheet("部门").getRow(3).getCell(0).getStringCellValue()).isIn("党政办公室", "教务处");
            assertThat(book.getSheet("报告文字").getRow(1).getCell(0).getStringCellValue()).startsWith("数据统计期限为2024年1月1日");
        }
    }

    @Test
    void theReportAsAWordDocumentHasTheSectionsUnderTheReportsHeadingsAndItsTables() throws Exception {
        HttpResponse<byte[]> response = client().download("/api/v1/orgs/demo/report?year=2024",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".docx"));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            assertThat(document.getParagraphs()).extracting(p -> p.getText()).startsWith("demo大学2024年度信息公开工作年度报告",
                    "（统计部分，数据截至2024年12月31日）", "一、概述", "数据统计期限为2024年1月1日至2024年12月31日。", "二、主动公开情况");
            assertThat(document.getParagraphs().get(5).getText()).startsWith("2024年度全校主动公开各类信息1600余条");
            assertThat(document.getTables()).as("表1-3; the 清单 is an attachment of its own").hasSize(3);
            var summary = document.getTables().getFirst();
            assertThat(summary.getRow(1).getCell(0).getText()).isEqualTo("主动公开信息（条）");
            assertThat(summary.getRow(1).getCell(1).getText()).isEqualTo("1672");
            var channels = document.getTables().get(1);
            assertThat(channels.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("渠道", "信息数（条）", "原创（条）", "浏览量（次）", "阅读人数（人）", "订阅人数（人）", "期数", "最新期号", "版数");
            assertThat(channels.getRows().getLast().getTableCells()).extracting(c -> c.getText())
                    .as("a 合计 of what adds up").containsExactly("合计", "1672", "256", "—", "—", "—", "—", "—", "—");
        }
    }

    @Test
    void theChecklistTableIsAnAttachmentOfItsOwn() throws Exception {
        HttpResponse<byte[]> response = client().download("/api/v1/orgs/demo/checklist-table?year=2024&format=docx", "*/*");

        assertThat(response.statusCode()).isEqualTo(200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            assertThat(document.getParagraphs().getFirst().getText()).isEqualTo("demo大学2024年度信息公开事项清单公开情况表");
            var table = document.getTables().getFirst();
            assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("类别", "序号", "公开事项", "公开情况", "公开次数", "最近公开日期", "责任部门", "栏目链接");
            assertThat(table.getRows()).hasSize(51);
            assertThat(table.getRow(6).getTableCells()).extracting(c -> c.getText()).containsExactly(
                    "", "6", "信息公开年度报告", "已公开", "650", "2024年3月1日", "", "");
            assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("一、基本信息");
        }
        assertThat(client().download("/api/v1/orgs/demo/checklist-table?year=2024&format=xlsx", "*/*").statusCode()).isEqualTo(200);
        assertThat(client().anonymous().download("/api/v1/orgs/demo/checklist-table?year=2024&format=docx", "*/*").statusCode()).isEqualTo(401);
        assertThat(client().download("/api/v1/orgs/demo/checklist-table?year=x&format=docx", "*/*").statusCode()).isEqualTo(400);
    }

    @Test
    void aBadPeriodIsRefusedAsProblemJsonForAFileToo() throws Exception {
        HttpResponse<String> response = client().get("/api/v1/orgs/demo/report?format=csv&year=x", "*/*");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"name\":\"year\"");
    }

    @Test
    void theReportNeedsALogin() throws Exception {
        assertThat(client().anonymous().get("/api/v1/orgs/demo/report?year=2024").statusCode()).isEqualTo(401);
    }

    private static JsonNode channel(JsonNode report, String id) {
        for (JsonNode c : report.path("channels")) {
            if (c.path("channel").asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no channel " + id + " in " + report.path("channels"));
    }

}
