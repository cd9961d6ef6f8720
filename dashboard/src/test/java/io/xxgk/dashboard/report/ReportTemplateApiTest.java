package io.xxgk.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.contract.EventData.ItemPublished;
import io.xxgk.contract.EventData;
import io.xxgk.dashboard.DashboardClient;
import io.xxgk.dashboard.DashboardServerTest;
import io.xxgk.dashboard.DashboardTestServers;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.store.events.StoredEvent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The org's report template on a real ClickHouse and Kafka registry: the writer's sentence from
 * events, versions, and refusals naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportTemplateApiTest extends DashboardServerTest {

    private static final DashboardTestServers SERVERS = DashboardTestServers.create("reporttemplate");
    private static String writerPassword;
    private static String leaderPassword;

    /**
     * The real report's sentence (DOMAIN.md), as the writer of 示例大学 shapes it: 公文传输系统 first
     * and its items exact, 电子政务平台 continuing it with its views as 各部门总访问量, the website's
     * items exact and its views rounded, Weibo's super-topic with 多, WeChat's readers without its views.
     */
    private static final String TEMPLATE = """
            {"version": 0, "numbers": "rounded", "channels": [
              {"channel": "doc-transfer", "verb": "传输", "items": "exact"},
              {"channel": "egov", "items": "exact", "views": "exact", "viewsLabel": "各部门总访问量达", "joinPrevious": true},
              {"channel": "website", "items": "exact"},
              {"channel": "weibo", "label": "学校微博", "viewsLabel": "超级话题阅读量", "viewsRoundWith": "多"},
              {"channel": "wechat", "label": "学校微信", "views": "off", "followers": "off"},
              {"channel": "newspaper"},
              {"channel": "screen"}]}""";

    private static final String SENTENCE = "2024年度全校主动公开各类信息7000余条，其中通过公文传输系统传输的信息数达1085条，电子政务平台达1259条，"
            + "各部门总访问量达59317次；通过学校官网的信息数达1300条，浏览量190余万次；通过学校微博的信息数达200余条，超级话题阅读量2000万多次；"
            + "通过学校微信的信息数达2000余条，阅读人数78万人；通过校报校刊的信息数达500余条，共15期，达到第336期；通过电子显示屏的信息数达700余条。";

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
        SERVERS.orgs("shili", "edits");
        writerPassword = SERVERS.user("tpl-writer", Role.WRITER, "shili");
        SERVERS.user("edits-writer", Role.WRITER, "edits");
        leaderPassword = SERVERS.user("tpl-leader", Role.LEADER, "shili");
        List<StoredEvent> rows = new ArrayList<>();
        Map<String, Integer> items = Map.of("doc-transfer", 1085, "egov", 1259, "website", 1300, "weibo", 215, "wechat", 2150,
                "newspaper", 530, "screen", 720);
        items.forEach((channel, n) -> {
            for (int i = 0; i < n; i++) {
                rows.add(row(channel + "-p" + i, "2024-03-01", new ItemPublished(channel, channel + i, null, null, null, false, null)));
            }
        });
        rows.add(row("v-egov", "2024-05-01", new EventData.ItemViewed("egov", "egov1", 59_317, null)));
        rows.add(row("v-web", "2024-05-01", new EventData.ItemViewed("website", "website1", 1_923_456, null)));
        // a super-topic's running total: the latest counts, never the sum
        rows.add(row("s-weibo1", "2024-06-01", new EventData.ItemStats("weibo", "topic", 10_000_000, null)));
        rows.add(row("s-weibo2", "2024-12-01", new EventData.ItemStats("weibo", "topic", 20_512_345, null)));
        rows.add(row("v-wechat", "2024-05-01", new EventData.ItemViewed("wechat", "wechat1", 1_234_567, 781_234L)));
        rows.add(row("f-wechat", "2024-12-30", new EventData.ChannelFollowers("wechat", 78_123)));
        for (int i = 0; i < 15; i++) {
            rows.add(row("n" + i, "2024-0" + (1 + i % 9) + "-15", new EventData.IssueReleased("newspaper", 322 + i, null, null)));
        }
        SERVERS.store(rows);
    }

    private static StoredEvent row(String id, String day, EventData data) {
        return DashboardTestServers.event("shili", id, day, data);
    }

    @Test
    void aTemplateWritesTheRealReportsSentenceFromEventsAndTheReportsNumbersOverrideOnlyItsDefault() throws Exception {
        DashboardClient writer = client().as("tpl-writer", writerPassword);
        HttpResponse<String> saved = writer.put("/api/v1/orgs/shili/report-template", TEMPLATE);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json.readTree(saved.body()).path("version").asInt()).isEqualTo(1);
        assertThat(json.readTree(saved.body()).path("changedBy").asString()).isEqualTo("tpl-writer");

        JsonNode report = report(writer, "/api/v1/orgs/shili/report?year=2024");
        assertThat(section(report, "proactive")).isEqualTo(SENTENCE);
        assertThat(report.path("channels")).extracting(c -> c.path("channel").asString()).as("the template's order")
                .startsWith("doc-transfer", "egov", "website", "weibo", "wechat", "newspaper", "screen");
        assertThat(report.path("channels").get(3).path("views").asLong()).as("the tables keep what the text leaves out").isEqualTo(20_512_345);

        JsonNode exact = report(writer, "/api/v1/orgs/shili/report?year=2024&numbers=exact");
        assertThat(section(exact, "proactive")).as("numbers=exact: the figures without a style of their own")
                .startsWith("2024年度全校主动公开各类信息7259条，其中通过公文传输系统传输的信息数达1085条")
                .contains("通过学校官网的信息数达1300条，浏览量1923456次；通过学校微博的信息数达215条，超级话题阅读量20512345次；")
                .contains("通过学校微信的信息数达2150条，阅读人数781234人；").doesNotContain("1234567", "订阅人数");
    }

    @Test
    void theTemplateStartsAsTheDefaultsAndASaveOfAStaleVersionIsAConflict() throws Exception {
        DashboardClient writer = client().as("edits-writer", "edits-writer-password".repeat(2));
        JsonNode defaults = json.readTree(writer.get("/api/v1/orgs/edits/report-template").body());
        assertThat(defaults.path("version").asInt()).isZero();
        assertThat(defaults.path("numbers").asString()).isEqualTo("rounded");
        assertThat(defaults.path("academicYearLabel").asString()).isEqualTo("学年");
        assertThat(defaults.path("channels")).extracting(c -> c.path("channel").asString() + ":" + c.path("label").asString())
                .startsWith("website:学校官网", "wechat:微信公众号").hasSize(12);
        assertThat(defaults.path("channels").get(0).path("viewsLabel").asString()).isEqualTo("浏览量");
        assertThat(defaults.path("sections").toString())
                .isEqualTo("{\"period\":true,\"proactive\":true,\"requests\":true,\"complaints\":true,\"service\":true}");

        String edit = """
                {"version": 0, "academicYearLabel": "学年度", "sections": {"period": false, "service": false}}""";
        assertThat(writer.put("/api/v1/orgs/edits/report-template", edit).statusCode()).isEqualTo(200);
        HttpResponse<String> stale = writer.put("/api/v1/orgs/edits/report-template", edit);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json.readTree(stale.body()).path("currentVersion").asInt()).isEqualTo(1);

        JsonNode report = report(writer, "/api/v1/orgs/edits/report?academicYear=2023");
        assertThat(report.path("period").path("label").asString()).isEqualTo("2023-2024学年度");
        assertThat(report.path("sections")).extracting(s -> s.path("id").asString()).containsExactly("proactive", "requests", "complaints");
        assertThat(report.path("text").asString()).doesNotContain("数据统计期限");
    }

    @Test
    void aBadTemplateIsRefusedNamingEachFieldAndNothingIsSaved() throws Exception {
        DashboardClient writer = client().as("edits-writer", "edits-writer-password".repeat(2));
        int before = json.readTree(writer.get("/api/v1/orgs/edits/report-template").body()).path("version").asInt();

        HttpResponse<String> refused = writer.put("/api/v1/orgs/edits/report-template", """
                {"version": %d, "channels": [{"channel": "tiktok"}, {"channel": "weibo", "viewsRoundWith": "来"}], "sections": {"summary": true}}"""
                .formatted(before));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(refused.body()).path("invalid-params")).extracting(p -> p.path("name").asString())
                .containsExactly("channels[0].channel", "channels[1].viewsRoundWith", "sections.summary");

        HttpResponse<String> badValue = writer.put("/api/v1/orgs/edits/report-template", """
                {"version": %d, "channels": [{"channel": "weibo", "views": "hidden"}]}""".formatted(before));
        assertThat(badValue.statusCode()).isEqualTo(400);
        JsonNode param = json.readTree(badValue.body()).path("invalid-params").path(0);
        assertThat(param.isObject()).as(badValue.body()).isTrue();
        assertThat(param.path("name").asString()).isEqualTo("channels[0].views");
        assertThat(param.path("reason").asString()).isEqualTo("must be one of [exact, rounded, off]");

        assertThat(writer.put("/api/v1/orgs/edits/report-template", "{\"version\": ").statusCode()).isEqualTo(400);
        assertThat(json.readTree(writer.get("/api/v1/orgs/edits/report-template").body()).path("version").asInt()).isEqualTo(before);
    }

    @Test
    void aDraftIsPreviewedWithoutBeingSavedAndOnlyWritersSeeOrChangeTheTemplate() throws Exception {
        DashboardClient writer = client().as("tpl-writer", writerPassword);
        HttpResponse<String> preview = writer.send("POST", "/api/v1/orgs/shili/report/preview?year=2024&numbers=exact", """
                {"version": 7, "channels": [{"channel": "newspaper", "issues": "off", "items": "rounded"}], "sections": {"requests": false}}""");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode draft = json.readTree(preview.body());
        assertThat(draft.path("text").asString()).contains("其中通过校报校刊的信息数达500余条；通过学校官网的信息数达1300条").doesNotContain("共15期");
        assertThat(draft.path("sections")).extracting(s -> s.path("id").asString()).doesNotContain("requests");
        assertThat(draft.path("tables").path("channels")).isNotEmpty();
        assertThat(writer.send("POST", "/api/v1/orgs/shili/report/preview?year=2024", "{\"version\": 0, \"total\": \"maybe\"}").statusCode())
                .isEqualTo(400);

        DashboardClient leader = client().as("tpl-leader", leaderPassword);
        assertThat(leader.get("/api/v1/orgs/shili/report-template").statusCode()).isEqualTo(403);
        assertThat(leader.put("/api/v1/orgs/shili/report-template", "{\"version\": 0}").statusCode()).isEqualTo(403);
        assertThat(leader.send("POST", "/api/v1/orgs/shili/report/preview?year=2024", "{\"version\": 0}").statusCode()).isEqualTo(403);
        assertThat(client().as("edits-writer", "edits-writer-password".repeat(2)).get("/api/v1/orgs/shili/report-template").statusCode())
                .as("another org's writer").isEqualTo(403);
    }

    private JsonNode report(DashboardClient client, String path) throws Exception {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String section(JsonNode report, String id) {
        for (JsonNode s : report.path("sections")) {
            if (s.path("id").asString().equals(id)) {
                return s.path("text").asString();
            }
        }
        throw new AssertionError("no section " + id + " in " + report.path("sections"));
    }

}
