package io.xxgk.dashboard.annualreport;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.dashboard.DashboardClient;
import io.xxgk.dashboard.DashboardServerTest;
import io.xxgk.dashboard.DashboardTestServers;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.store.events.StoredEvent;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The annual report draft round-trips: written, saved, versioned, downloaded as one DOCX, and next year's starts from it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnualReportDraftTest extends DashboardServerTest {

    private static final DashboardTestServers SERVERS = DashboardTestServers.create("annualreport");
    private static String writerPassword;
    private static String leaderPassword;

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
        SERVERS.orgs("draft");
        writerPassword = SERVERS.user("draft-writer", Role.WRITER, "draft");
        leaderPassword = SERVERS.user("draft-leader", Role.LEADER, "draft");
        List<StoredEvent> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(DashboardTestServers.published("draft", "w" + i, (i % 2 == 0 ? "2024" : "2025") + "-03-02", "website", 6));
        }
        SERVERS.store(rows);
    }

    @Test
    void aDraftIsWrittenSavedDownloadedAndNextYearsStartsFromIt() throws Exception {
        DashboardClient writer = client().as("draft-writer", writerPassword);
        JsonNode first = get(writer, "/api/v1/orgs/draft/annual-report?year=2024");
        assertThat(first.path("version").asInt()).isZero();
        assertThat(first.path("carriedFrom").isNull() || first.path("carriedFrom").isMissingNode()).as("the first year: nothing to carry").isTrue();
        assertThat(first.path("sections")).extracting(s -> s.path("title").asString()).containsExactly("一、概述", "二、主动公开情况",
                "三、依申请公开和不予公开情况", "四、收费及减免情况", "五、因学校信息公开工作受到举报、复议、诉讼的情况", "六、存在的主要问题及改进措施", "七、其他需要报告的事项");
        assertThat(first.path("sections").get(0).path("statistics").asString()).isEqualTo("数据统计期限为2024年1月1日至2024年12月31日。");
        assertThat(first.path("sections").get(1).path("statistics").asString()).startsWith("2024年度全校主动公开各类信息60条");
        assertThat(first.path("sections").get(3).path("hint").asString()).contains("收费");

        HttpResponse<String> saved = writer.put("/api/v1/orgs/draft/annual-report?year=2024", """
                {"version": 0, "sections": [{"id": "overview", "text": "学校高度重视信息公开工作。\\n成立了信息公开领导小组。"},
                 {"id": "fees", "text": "未收取任何费用。"}]}""");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode v1 = json.readTree(saved.body());
        assertThat(v1.path("version").asInt()).isEqualTo(1);
        assertThat(v1.path("changedBy").asString()).isEqualTo("draft-writer");
        assertThat(v1.path("sections").get(0).path("text").asString()).isEqualTo("学校高度重视信息公开工作。\n成立了信息公开领导小组。");
        assertThat(v1.path("sections").get(0).path("version").asInt()).isEqualTo(1);

        HttpResponse<String> stale = writer.put("/api/v1/orgs/draft/annual-report?year=2024", "{\"version\": 0, \"sections\": []}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json.readTree(stale.body()).path("currentVersion").asInt()).isEqualTo(1);
        HttpResponse<String> bad = writer.put("/api/v1/orgs/draft/annual-report?year=2024",
                "{\"version\": 1, \"sections\": [{\"id\": \"summary\", \"text\": \"x\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("invalid-params").get(0).path("name").asString()).isEqualTo("sections[0].id");
        JsonNode v2 = json.readTree(writer.put("/api/v1/orgs/draft/annual-report?year=2024",
                "{\"version\": 1, \"sections\": [{\"id\": \"problems\", \"text\": \"栏目更新不够及时。\"}]}").body());
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(v2.path("sections").get(0).path("version").asInt()).as("unchanged since version 1").isEqualTo(1);
        assertThat(v2.path("versions")).extracting(v -> v.path("version").asInt()).as("the history").containsExactly(1, 2);

        HttpResponse<byte[]> docx = writer.download("/api/v1/orgs/draft/annual-report?year=2024&format=docx", "*/*");
        assertThat(docx.statusCode()).isEqualTo(200);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("draft大学2024年度信息公开工作年度报告", "一、概述", "学校高度重视信息公开工作。", "成立了信息公开领导小组。",
                    "数据统计期限为2024年1月1日至2024年12月31日。", "四、收费及减免情况", "未收取任何费用。", "栏目更新不够及时。", "附件",
                    "draft大学2024年度信息公开事项清单公开情况表");
            assertThat(document.getTables()).hasSize(1);
        }

        JsonNode next = get(writer, "/api/v1/orgs/draft/annual-report?year=2025");
        assertThat(next.path("carriedFrom").asInt()).isEqualTo(2024);
        assertThat(next.path("version").asInt()).isZero();
        assertThat(next.path("sections").get(0).path("text").asString()).startsWith("学校高度重视信息公开工作。");
        assertThat(next.path("sections").get(1).path("statistics").asString()).as("this year's figures").startsWith("2025年度");
        JsonNode next1 = json.readTree(writer.put("/api/v1/orgs/draft/annual-report?year=2025",
                "{\"version\": 0, \"sections\": [{\"id\": \"problems\", \"text\": \"已整改。\"}]}").body());
        assertThat(next1.path("sections").get(0).path("text").asString()).as("the carried text is saved, not blanked")
                .startsWith("学校高度重视信息公开工作。");
        assertThat(next1.path("sections").get(5).path("text").asString()).isEqualTo("已整改。");
        assertThat(get(writer, "/api/v1/orgs/draft/annual-report?year=2024").path("sections").get(5).path("text").asString())
                .as("last year's stays as it was").isEqualTo("栏目更新不够及时。");
    }

    @Test
    void leadersReadWritersSaveAndTheYearIsChecked() throws Exception {
        DashboardClient leader = client().as("draft-leader", leaderPassword);
        assertThat(leader.get("/api/v1/orgs/draft/annual-report?year=2024").statusCode()).isEqualTo(200);
        assertThat(leader.put("/api/v1/orgs/draft/annual-report?year=2024", "{\"version\": 0, \"sections\": []}").statusCode()).isEqualTo(403);
        HttpResponse<String> future = client().get("/api/v1/orgs/draft/annual-report?year=2999");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json.readTree(future.body()).path("invalid-params").get(0).path("name").asString()).isEqualTo("year");
        assertThat(client().get("/api/v1/orgs/draft/annual-report").statusCode()).isEqualTo(400);
        assertThat(client().anonymous().get("/api/v1/orgs/draft/annual-report?year=2024").statusCode()).isEqualTo(401);
    }

    private JsonNode get(DashboardClient client, String path) throws Exception {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

}
