package io.xxgk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.contract.EventData;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.store.events.StoredEvent;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Roles and orgs: a user never sees another org's numbers, only writers download, only the province
 * sees the roll-up, an org's administrator manages that org's users and checklist and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgAccessTest extends DashboardServerTest {

    private static final DashboardTestServers SERVERS = DashboardTestServers.create("access");
    private static final String LEADER = SERVERS.user("leader-a", Role.LEADER, "uni-a");
    private static final String WRITER = SERVERS.user("writer-a", Role.WRITER, "uni-a");
    private static final String ADMIN = SERVERS.user("admin-a", Role.ADMIN, "uni-a");
    private static final String PROVINCE = SERVERS.user("province", Role.PROVINCE, null);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Override
    protected DashboardTestServers servers() {
        return SERVERS;
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SERVERS.register(registry);
    }

    @BeforeAll
    static void orgsAndEvents() throws Exception {
        SERVERS.migrate();
        SERVERS.orgs("uni-a", "uni-b");
        List<StoredEvent> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(i < 10 ? DashboardTestServers.event("uni-a", "a" + i, "2024-03-01",
                    new EventData.ItemPublished("website", "a" + i, null, 6, "信息中心", false, null))
                    : DashboardTestServers.published("uni-a", "a" + i, "2024-03-01", "website", 6));
        }
        for (int i = 0; i < 12; i++) {
            rows.add(DashboardTestServers.published("uni-b", "b" + i, "2024-05-01", "wechat", null));
        }
        SERVERS.store(rows);
    }

    @Test
    void aLeaderSeesItsOwnOrgOnlyAndDownloadsNothing() throws Exception {
        DashboardClient leader = client("leader-a", LEADER);

        HttpResponse<String> own = leader.get("/api/v1/orgs/uni-a/report?year=2024");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json.readTree(own.body()).path("totals").path("items").asLong()).isEqualTo(30);

        HttpResponse<String> other = leader.get("/api/v1/orgs/uni-b/report?year=2024");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(other.body()).doesNotContain("\"items\"");
        assertThat(leader.get("/api/v1/orgs/no-such-org/report?year=2024").statusCode()).as("no hint whether an org exists").isEqualTo(403);
        assertThat(leader.download("/api/v1/orgs/uni-a/report?year=2024", XLSX).statusCode()).isEqualTo(403);
        assertThat(leader.get("/api/v1/province/report?year=2024").statusCode()).isEqualTo(403);
    }

    @Test
    void theOverviewKeepsToTheSameRulesAndNamesABadYear() throws Exception {
        HttpResponse<String> own = client("leader-a", LEADER).get("/api/v1/orgs/uni-a/overview?year=2024");
        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode overview = json.readTree(own.body());
        assertThat(overview.path("current").path("items").asLong()).isEqualTo(30);
        assertThat(overview.path("previous").path("label").asString()).isEqualTo("2023年度");
        assertThat(overview.path("previous").path("from").asString() + ".." + overview.path("previous").path("to").asString())
                .isEqualTo("2023-01-01..2023-12-31");
        assertThat(overview.path("months").get(2).path("items").asLong()).as("March").isEqualTo(30);
        assertThat(overview.path("checklist").path("published").asLong()).isEqualTo(1);

        assertThat(client("leader-a", LEADER).get("/api/v1/orgs/uni-b/overview?year=2024").statusCode()).isEqualTo(403);
        HttpResponse<String> channel = client("leader-a", LEADER).get("/api/v1/orgs/uni-a/channels/website/overview?year=2024");
        assertThat(channel.statusCode()).isEqualTo(200);
        JsonNode website = json.readTree(channel.body());
        assertThat(website.path("name").asString()).isEqualTo("学校官网");
        assertThat(website.path("months")).hasSize(12);
        long websiteItems = 0;
        for (JsonNode bar : overview.path("channels")) {
            websiteItems += bar.path("channel").asString().equals("website") ? bar.path("items").asLong() : 0;
        }
        assertThat(website.path("current").path("items").asLong()).as("the overview's bar of the channel").isEqualTo(websiteItems).isPositive();
        assertThat(client("leader-a", LEADER).get("/api/v1/orgs/uni-b/channels/website/overview?year=2024").statusCode()).isEqualTo(403);
        assertThat(client("leader-a", LEADER).get("/api/v1/orgs/uni-a/channels/no-such/overview?year=2024").statusCode()).isEqualTo(404);
        assertThat(client("leader-a", LEADER).get("/api/v1/province/overview?year=2024").statusCode()).isEqualTo(403);
        assertThat(json.readTree(client("province", PROVINCE).get("/api/v1/province/overview?year=2024").body())
                .path("current").path("items").asLong()).isEqualTo(42);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode thisYear = json.readTree(client("leader-a", LEADER).get("/api/v1/orgs/uni-a/overview").body());
        assertThat(thisYear.path("previous").path("from").asString() + ".." + thisYear.path("previous").path("to").asString())
                .as("a year in progress against the same days of the year before")
                .isEqualTo(today.getYear() - 1 + "-01-01.." + today.minusYears(1));
        assertThat(client("leader-a", LEADER).get("/api/v1/orgs/uni-a/overview?year=" + (today.getYear() + 1)).statusCode())
                .as("a year that has not begun").isEqualTo(400);
        HttpResponse<String> badYear = client("leader-a", LEADER).get("/api/v1/orgs/uni-a/overview?year=24");
        assertThat(badYear.statusCode()).isEqualTo(400);
        assertThat(badYear.body()).contains("\"name\":\"year\"");
    }

    @Test
    void aDepartmentsPageKeepsToTheOverviewsDepartments() throws Exception {
        String path = "/departments/" + URLEncoder.encode("信息中心", StandardCharsets.UTF_8) + "/overview?year=2024";
        HttpResponse<String> answer = client("leader-a", LEADER).get("/api/v1/orgs/uni-a" + path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode department = json.readTree(answer.body());
        JsonNode row = json.readTree(client("leader-a", LEADER).get("/api/v1/orgs/uni-a/overview?year=2024").body()).path("departments").get(0);
        assertThat(row.path("department").asString()).isEqualTo("信息中心");
        assertThat(department.path("current").path("items").asLong()).as("the overview's row of it").isEqualTo(row.path("items").asLong())
                .isEqualTo(10);
        assertThat(department.path("months").get(2).path("items").asLong()).as("March").isEqualTo(10);
        assertThat(department.path("checklist").get(0).path("item").asInt()).isEqualTo(6);
        assertThat(department.path("checklist").get(0).path("published").asBoolean()).isTrue();

        assertThat(client("leader-a", LEADER).get("/api/v1/orgs/uni-b" + path).statusCode()).isEqualTo(403);
        assertThat(client("leader-a", LEADER).get("/api/v1/province" + path).statusCode()).isEqualTo(403);
        assertThat(client("leader-a", LEADER).get("/api/v1/orgs/uni-a/departments/no-such/overview?year=2024").statusCode()).isEqualTo(404);
        assertThat(json.readTree(client("province", PROVINCE).get("/api/v1/province" + path).body()).path("current").path("items").asLong())
                .isEqualTo(10);
    }

    @Test
    void aWriterDownloadsItsOwnOrgsReport() throws Exception {
        DashboardClient writer = client("writer-a", WRITER);

        assertThat(writer.download("/api/v1/orgs/uni-a/report?year=2024", XLSX).statusCode()).isEqualTo(200);
        assertThat(writer.download("/api/v1/orgs/uni-b/report?year=2024", XLSX).statusCode()).isEqualTo(403);
    }

    @Test
    void theProvinceSeesEveryOrgAndTheRollUp() throws Exception {
        DashboardClient province = client("province", PROVINCE);

        assertThat(province.get("/api/v1/orgs/uni-b/report?year=2024").statusCode()).isEqualTo(200);
        HttpResponse<String> rollUp = province.get("/api/v1/province/report?year=2024&numbers=exact");
        assertThat(rollUp.statusCode()).isEqualTo(200);
        JsonNode report = json.readTree(rollUp.body());
        assertThat(report.path("org").asString()).isEqualTo("province");
        assertThat(report.path("totals").path("items").asLong()).isEqualTo(42);
        assertThat(report.path("text").asString()).contains("\n2024年度全省高校（2所高校报送）主动公开各类信息42条");
        assertThat(report.path("orgs")).extracting(o -> o.path("org").asString() + ":" + o.path("totals").path("items").asLong())
                .as("each institution, most items first").containsExactly("uni-a:30", "uni-b:12");
        assertThat(report.path("orgs").get(0).path("name").asString()).isEqualTo("uni-a大学");
        assertThat(province.download("/api/v1/province/report?year=2024", XLSX).statusCode()).isEqualTo(200);
        assertThat(client().get("/api/v1/orgs/no-such-org/report?year=2024").statusCode()).isEqualTo(404);
    }

    @Test
    void everyRegistryChangeIsInTheAuditLogForTheOperatorAndTheOrgsAdministrator() throws Exception {
        DashboardClient admin = client("admin-a", ADMIN);
        assertThat(admin.put("/api/v1/users/audited-a", "{\"org\": \"uni-a\", \"role\": \"LEADER\", \"password\": \"a-long-password\"}")
                .statusCode()).isEqualTo(201);
        assertThat(admin.put("/api/v1/users/audited-a", "{\"org\": \"uni-a\", \"role\": \"WRITER\"}").statusCode()).isEqualTo(200);

        JsonNode changes = json.readTree(admin.get("/api/v1/orgs/uni-a/changes").body());
        assertThat(changes).extracting(c -> c.path("actor").asString() + ": " + c.path("summary").asString()).as("newest first")
                .startsWith("admin-a: user audited-a changed: WRITER of uni-a (was LEADER)", "admin-a: user audited-a created: LEADER of uni-a");
        assertThat(changes.get(0).path("at").asString()).isNotBlank();
        assertThat(client("leader-a", LEADER).get("/api/v1/orgs/uni-a/changes").statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/v1/orgs/uni-b/changes").statusCode()).as("another org's").isEqualTo(403);
        assertThat(admin.get("/api/v1/changes").statusCode()).as("every org's: the operator's").isEqualTo(403);
        assertThat(json.readTree(client().get("/api/v1/changes").body())).extracting(c -> c.path("summary").asString())
                .anySatisfy(summary -> assertThat(summary).startsWith("user audited-a changed"));
    }

    @Test
    void theProvinceReadsButChangesNothing() throws Exception {
        DashboardClient province = client("province", PROVINCE);

        assertThat(province.get("/api/v1/orgs/uni-a/report-template").statusCode()).as("reading a template").isEqualTo(200);
        assertThat(province.get("/api/v1/orgs/uni-a/annual-report?year=2024").statusCode()).isEqualTo(200);
        // every write the dashboard has
        assertThat(province.put("/api/v1/orgs/uni-a/checklist", "{\"version\": 0, \"items\": []}").statusCode()).isEqualTo(403);
        assertThat(province.put("/api/v1/orgs/uni-a/channels/law", "{\"name\": \"法学院\", \"kind\": \"website\"}").statusCode())
                .isEqualTo(403);
        assertThat(province.send("POST", "/api/v1/orgs/uni-a/tokens", "{\"channels\": [\"website\"]}").statusCode()).isEqualTo(403);
        assertThat(province.get("/api/v1/orgs/uni-a/tokens").statusCode()).as("not even the token list").isEqualTo(403);
        assertThat(province.send("DELETE", "/api/v1/orgs/uni-a/tokens/x", null).statusCode()).isEqualTo(403);
        assertThat(province.put("/api/v1/users/someone", "{\"org\": \"uni-a\", \"role\": \"LEADER\", \"password\": \"a-long-password\"}")
                .statusCode()).isEqualTo(403);
        assertThat(province.put("/api/v1/orgs/uni-a/report-template", "{\"version\": 0}").statusCode()).isEqualTo(403);
        assertThat(province.put("/api/v1/orgs/uni-a/annual-report?year=2024", "{\"version\": 0, \"sections\": []}").statusCode())
                .isEqualTo(403);
        assertThat(province.get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void anOrgsAdministratorManagesItsUsersOnly() throws Exception {
        DashboardClient admin = client("admin-a", ADMIN);

        HttpResponse<String> created = admin.put("/api/v1/users/new-writer-a",
                "{\"org\":\"uni-a\",\"role\":\"WRITER\",\"password\":\"a-long-password\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("$2").contains("\"role\":\"WRITER\"");
        assertThat(client("new-writer-a", "a-long-password").get("/api/v1/orgs/uni-a/report?year=2024").statusCode()).isEqualTo(200);

        assertThat(admin.put("/api/v1/users/intruder", "{\"org\":\"uni-b\",\"role\":\"ADMIN\",\"password\":\"a-long-password\"}")
                .statusCode()).isEqualTo(403);
        assertThat(admin.put("/api/v1/users/boss", "{\"role\":\"PROVINCE\",\"password\":\"a-long-password\"}").statusCode()).isEqualTo(403);
        assertThat(admin.put("/api/v1/users/province", "{\"org\":\"uni-a\",\"role\":\"LEADER\"}").statusCode())
                .as("cannot take over a user it does not manage").isEqualTo(403);
        assertThat(admin.get("/api/v1/users").body()).contains("leader-a", "writer-a").doesNotContain("\"province\"");
        assertThat(client("leader-a", LEADER).get("/api/v1/users").statusCode()).isEqualTo(403);

        HttpResponse<String> disabled = admin.put("/api/v1/users/new-writer-a", "{\"org\":\"uni-a\",\"role\":\"WRITER\",\"enabled\":false}");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(client("new-writer-a", "a-long-password").get("/api/v1/orgs/uni-a/report?year=2024").statusCode()).isEqualTo(401);
    }

    @Test
    void badUserInputIsRefusedNamingEachField() throws Exception {
        HttpResponse<String> response = client().put("/api/v1/users/Bad Name".replace(" ", "%20"),
                "{\"org\":\"no-such-org\",\"role\":\"WRITER\",\"password\":\"short\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("invalid-params").findValuesAsString("name")).containsExactly("name", "org", "password");
        assertThat(client().put("/api/v1/users/x", "{\"role\":\"CHIEF\"}").statusCode()).isEqualTo(400);
        assertThat(client().put("/api/v1/users/x", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeItIsRead() throws Exception {
        String huge = "{\"version\":0,\"items\":[{\"item\":6,\"title\":\"" + "长".repeat(100_000) + "\"}]}";
        DashboardClient operator = client();

        HttpResponse<String> declared = operator.put("/api/v1/orgs/uni-a/checklist", huge);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(declared.body()).contains("at most 262144 bytes");

        // without a length (chunked) the body is cut off at the cap, and reading it fails as a bad request
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(operator.request("/api/v1/orgs/uni-a/checklist")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(400);
        assertThat(operator.get("/api/v1/orgs/uni-a/checklist").body()).doesNotContain("长长长");
    }

    @Test
    void theOperatorCreatesAProvinceUser() throws Exception {
        HttpResponse<String> created = client().put("/api/v1/users/province-2",
                "{\"role\":\"PROVINCE\",\"password\":\"a-long-password\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(client("province-2", "a-long-password").get("/api/v1/orgs/uni-b/report?year=2024").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorEditsTheChecklistAndTheReportShowsIt() throws Exception {
        DashboardClient admin = client("admin-a", ADMIN);

        HttpResponse<String> saved = admin.put("/api/v1/orgs/uni-a/checklist", """
                {"version": 0, "items": [{"item": 6, "title": "学校信息公开工作年度报告", "department": "党政办公室",
                                          "link": "https://xxgk.uni-a.edu.cn/ndbg"}]}""");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json.readTree(saved.body()).path("version").asInt()).isEqualTo(1);

        JsonNode item6 = json.readTree(admin.get("/api/v1/orgs/uni-a/report?year=2024").body()).path("checklist").get(5);
        assertThat(item6.path("title").asString()).isEqualTo("学校信息公开工作年度报告");
        assertThat(item6.path("link").asString()).isEqualTo("https://xxgk.uni-a.edu.cn/ndbg");
        assertThat(item6.path("responsible").asString()).as("the edition's department").isEqualTo("党政办公室");
        assertThat(item6.path("departments").toString()).as("its publishers in the period, not the edition's").isEqualTo("[\"信息中心\"]");
        assertThat(item6.path("count").asLong()).isEqualTo(30);

        HttpResponse<String> stale = admin.put("/api/v1/orgs/uni-a/checklist", "{\"version\": 0, \"items\": []}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json.readTree(stale.body()).path("currentVersion").asInt()).isEqualTo(1);
        HttpResponse<String> invalid = admin.put("/api/v1/orgs/uni-a/checklist",
                "{\"version\": 1, \"items\": [{\"item\": 51}, {\"item\": 2, \"link\": \"javascript:alert(1)\"}]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json.readTree(invalid.body()).path("invalid-params").findValuesAsString("name"))
                .containsExactly("items[0].item", "items[1].link");
        assertThat(admin.put("/api/v1/orgs/uni-b/checklist", "{\"version\": 0, \"items\": []}").statusCode()).isEqualTo(403);
        assertThat(client("writer-a", WRITER).put("/api/v1/orgs/uni-a/checklist", "{\"version\": 1, \"items\": []}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAdministratorAddsChannelsAndIssuesAndRevokesTokensForItsOrg() throws Exception {
        DashboardClient admin = client("admin-a", ADMIN);

        HttpResponse<String> channel = admin.put("/api/v1/orgs/uni-a/channels/law-school", "{\"name\":\"法学院网站\",\"kind\":\"website\"}");
        assertThat(channel.statusCode()).as(channel.body()).isEqualTo(200);
        assertThat(client("leader-a", LEADER).get("/api/v1/orgs/uni-a/channels").body()).contains("法学院网站");
        assertThat(admin.put("/api/v1/orgs/uni-a/channels/Law", "{\"name\":\"\",\"kind\":\"blog\"}").body())
                .contains("\"name\":\"id\"", "\"name\":\"name\"", "\"name\":\"kind\"");

        HttpResponse<String> issued = admin.send("POST", "/api/v1/orgs/uni-a/tokens", "{\"channels\":[\"law-school\"],\"label\":\"法学院 CMS\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode token = json.readTree(issued.body());
        assertThat(token.path("token").asString()).startsWith("xxgk_" + token.path("tokenInfo").path("id").asString() + "_");
        assertThat(admin.get("/api/v1/orgs/uni-a/tokens").body()).contains("法学院 CMS").doesNotContain(token.path("token").asString());

        assertThat(admin.send("POST", "/api/v1/orgs/uni-a/tokens", "{\"channels\":[\"tiktok\"]}").statusCode()).isEqualTo(400);
        assertThat(admin.send("POST", "/api/v1/orgs/uni-b/tokens", "{\"channels\":[\"website\"]}").statusCode()).isEqualTo(403);
        assertThat(client("writer-a", WRITER).get("/api/v1/orgs/uni-a/tokens").statusCode()).isEqualTo(403);

        HttpResponse<String> revoked = admin.send("DELETE", "/api/v1/orgs/uni-a/tokens/" + token.path("tokenInfo").path("id").asString(), null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json.readTree(revoked.body()).path("revokedAt").isNull()).isFalse();
        assertThat(admin.send("DELETE", "/api/v1/orgs/uni-a/tokens/nope", null).statusCode()).isEqualTo(404);
    }

    private DashboardClient client(String user, String password) {
        return client().as(user, password);
    }
}
