package io.xxgk.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.contract.EventData;
import io.xxgk.dashboard.DashboardServerTest;
import io.xxgk.dashboard.DashboardTestServers;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.OrgChecklist;
import io.xxgk.registry.ReportTemplate;
import io.xxgk.store.events.StoredEvent;
import io.xxgk.store.report.ReportPeriod;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages in a real headless Chromium (Debian's chromium and chromedriver): a writer logs in,
 * the overview's charts show the stored numbers, another year is chosen, the report page previews
 * another period, and the XLSX downloaded by the browser reads back with POI. Screenshots are kept
 * in target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTest extends DashboardServerTest {

    private static final Logger log = LoggerFactory.getLogger(BrowserTest.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ARTIFACTS = Path.of("target", "browser");
    private static final Path AXE = Path.of("frontend", "node_modules", "axe-core", "axe.min.js");
    private static final DashboardTestServers SERVERS = DashboardTestServers.create("browser");
    private static final String WRITER = SERVERS.user("writer", Role.WRITER, "demo");
    /** Shapes the template of an org of her own, so that the other tests read the default paragraph. */
    private static final String SHAPER = SERVERS.user("shaper", Role.WRITER, "shaping");
    private static final String LEADER = SERVERS.user("leader", Role.LEADER, "demo");
    private static final String SUPERVISOR = SERVERS.user("supervisor", Role.PROVINCE, null);
    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    private static WebDriver browser;
    private static Path downloads;

    @Override
    protected DashboardTestServers servers() {
        return SERVERS;
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SERVERS.register(registry);
    }

    @BeforeAll
    static void eventsAndBrowser() throws Exception {
        SERVERS.migrate();
        SERVERS.orgs("demo", "shaping");
        List<StoredEvent> rows = new ArrayList<>();
        for (String org : List.of("demo", "shaping")) {
            for (int i = 0; i < 30; i++) {
                rows.add(i < 10 ? DashboardTestServers.event(org, "w" + i, YEAR + "-03-02",
                        new EventData.ItemPublished("website", "w" + i, null, 6, "信息中心", false, null))
                        : DashboardTestServers.published(org, "w" + i, YEAR + "-03-02", "website", 6));
            }
            for (int i = 0; i < 12; i++) {
                rows.add(DashboardTestServers.published(org, "c" + i, YEAR + "-05-02", "wechat", null));
            }
        }
        for (int i = 0; i < 20; i++) {
            // on 1 January: inside the same days of last year, whatever today is
            rows.add(DashboardTestServers.published("demo", "old" + i, (YEAR - 1) + "-01-01", "website", null));
        }
        rows.add(DashboardTestServers.event("demo", "v", YEAR + "-03-05", new EventData.ItemViewed("website", "w1", 1500, null)));
        SERVERS.store(rows);

        assertThat(CHROMIUM).as("install Debian's chromium and chromium-driver (.ci/run does)").exists();
        assertThat(CHROMEDRIVER).as("install Debian's chromium-driver (.ci/run does)").exists();
        Files.createDirectories(ARTIFACTS);
        downloads = Files.createTempDirectory("xxgk-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no background networking: this machine's closed network refuses it, noisily
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1100",
                "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aWriterSeesTheOverviewChangesThePeriodAndDownloadsTheWorkbook() throws Exception {
        logIn("writer", WRITER);
        // measured on a second visit: the first one also carries the login's redirect and the server's cold start
        browser.navigate().refresh();
        awaitReady();
        String readyMs = browser.findElement(By.tagName("body")).getDomAttribute("data-ready-ms");
        String loadMs = browser.findElement(By.tagName("body")).getDomAttribute("data-load-ms");
        log.info("overview ready {} ms after navigation (figures fetched and drawn in {} ms)", readyMs, loadMs);
        Files.writeString(ARTIFACTS.resolve("overview-timing.txt"), "overview_ready_ms=" + readyMs + " overview_load_ms=" + loadMs + "\n");
        screenshot("overview");
        assertAccessible();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("demo大学 信息公开统计");
        assertThat(browser.findElement(By.id("as-of")).getText()).as("the period, its last day counted, the newest stored event")
                .startsWith(YEAR + "年度 · 统计至 ").contains(" · 数据更新至 " + YEAR + "年5月2日");
        assertThat(new Select(browser.findElement(By.id("year"))).getOptions()).as("the years that have data, not six")
                .extracting(WebElement::getText).containsExactly(YEAR + "年", (YEAR - 1) + "年");
        assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).isEqualTo("42");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String lastYear = today.getMonthValue() == 12 && today.getDayOfMonth() == 31 ? (YEAR - 1) + "年度"
                : ReportPeriod.range(LocalDate.of(YEAR - 1, 1, 1), today.minusYears(1)).label();
        assertThat(browser.findElement(By.cssSelector("#kpi-items .compare")).getText()).as("like for like")
                .contains(lastYear + " 20 条", "增长110.0%");
        assertThat(browser.findElement(By.cssSelector("#kpi-views .value")).getText()).isEqualTo("1,500");
        assertThat(browser.findElement(By.cssSelector("#kpi-views .exact")).getText()).isEqualTo("1,500 次");
        assertThat(rows("channels-table")).containsExactly(List.of("学校官网", "30", "20"), List.of("微信公众号", "12", "0"));
        assertThat(rows("months-table")).extracting(r -> r.get(1)).containsExactly("0", "0", "30", "0", "12", "0", "0", "0", "0", "0", "0", "0");
        assertThat(browser.findElements(By.cssSelector("#channels-chart svg text"))).extracting(e -> e.getText())
                .contains("学校官网", "微信公众号", "30", "12");
        assertThat(browser.findElement(By.id("coverage-total")).getText()).isEqualTo("已公开 1 / 50 项");

        // drill-down: a channel's bar (as its row) leads to its page, and back
        browser.findElement(By.cssSelector("#channels details summary")).click();
        assertThat(browser.findElement(By.linkText("学校官网")).getDomAttribute("href")).contains("/channel?org=demo&channel=website&year=" + YEAR);
        // the bar under its label (the axis's labels come first, and may say 30 too)
        WebElement label = browser.findElements(By.cssSelector("#channels-chart svg text")).stream().filter(e -> e.getText().equals("30"))
                .reduce((first, last) -> last).orElseThrow();
        new Actions(browser).moveToElement(label, 0, 24).click().perform();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("/channel?"));
        awaitReady();
        assertThat(browser.getCurrentUrl()).contains("org=demo", "channel=website", "year=" + YEAR);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("demo大学 学校官网");
        assertThat(new Select(browser.findElement(By.id("year"))).getFirstSelectedOption().getText()).isEqualTo(YEAR + "年");
        assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).isEqualTo("30");
        assertThat(rows("months-table")).extracting(r -> r.get(1)).containsExactly("0", "0", "30", "0", "0", "0", "0", "0", "0", "0", "0", "0");
        assertThat(rows("top-table")).first().isEqualTo(List.of("1", "w1", "1,500"));
        screenshot("channel");
        assertAccessible();
        browser.navigate().back();
        awaitReady();
        assertThat(browser.getCurrentUrl()).doesNotContain("/channel");

        // and a department's row to the department's
        assertThat(rows("departments-table")).containsExactly(List.of("信息中心", "10", "0", "1,500"));
        browser.findElement(By.linkText("信息中心")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("/department?"));
        awaitReady();
        assertThat(browser.getCurrentUrl()).contains("org=demo", "year=" + YEAR);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("demo大学 信息中心");
        assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).isEqualTo("10");
        assertThat(browser.findElement(By.cssSelector("#kpi-views .value")).getText()).isEqualTo("1,500");
        assertThat(rows("months-table")).extracting(r -> r.get(1)).containsExactly("0", "0", "10", "0", "0", "0", "0", "0", "0", "0", "0", "0");
        assertThat(rows("top-table")).containsExactly(List.of("1", "w1", "学校官网", "1,500"));
        assertThat(rows("checklist-table")).hasSize(1).first().satisfies(row -> assertThat(row).startsWith("6").endsWith("发布", "已公开"));
        screenshot("department");
        assertAccessible();
        browser.navigate().back();
        awaitReady();

        new Select(browser.findElement(By.id("year"))).selectByValue(String.valueOf(YEAR - 1));
        awaitReady();
        assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).isEqualTo("20");
        assertThat(rows("channels-table")).containsExactly(List.of("学校官网", "20", "0"));
        assertThat(browser.getCurrentUrl()).as("the year in the address, for a link to open the same view").contains("year=" + (YEAR - 1));

        browser.findElement(By.linkText("年度报告")).click();
        awaitReady();
        assertThat(browser.findElement(By.id("report-text")).getText()).startsWith("数据统计期限为" + YEAR + "年1月1日至" + YEAR + "年12月31日")
                .contains(YEAR + "年度（截至", "全校主动公开各类信息42条，其中通过学校官网的信息数达30条");
        assertThat(browser.findElement(By.id("report-missing")).getText()).as("nobody sent requests, complaints or contacts")
                .contains("依申请公开和不予公开情况", "不是“未收到”");
        browser.findElement(By.cssSelector("input[name=kind][value=academicYear]")).click();
        new Select(browser.findElement(By.id("period-year"))).selectByValue(String.valueOf(YEAR - 1));
        browser.findElement(By.id("preview")).click();
        awaitReady();
        assertThat(browser.findElement(By.id("report-title")).getText()).startsWith("demo大学 " + (YEAR - 1) + "-" + YEAR + "学年");
        assertThat(browser.findElements(By.cssSelector("#checklist-table tbody tr"))).hasSize(50);
        screenshot("report");
        assertAccessible();

        // a control changed and not previewed: the old preview marked, no download of it
        new Select(browser.findElement(By.id("numbers"))).selectByValue("exact");
        assertThat(browser.findElement(By.id("report-stale")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("download-xlsx")).getDomAttribute("href")).as("no file of another period").isNull();
        screenshot("report-stale");
        browser.findElement(By.id("preview")).click();
        awaitReady();
        assertThat(browser.findElement(By.id("report-stale")).isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).as("the period in the address").contains("kind=academicYear", "year=" + (YEAR - 1), "numbers=exact");

        browser.findElement(By.id("download-xlsx")).click();
        Path workbook = await().atMost(Duration.ofSeconds(20)).until(() -> downloaded(".xlsx"), f -> f != null);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
            assertThat(book.getSheet("汇总").getRow(1).getCell(0).getStringCellValue()).startsWith("统计期：" + (YEAR - 1) + "-" + YEAR + "学年");
            // the academic year runs 1 September to 31 August: this spring's 42 items, not last June's 20
            assertThat(book.getSheet("汇总").getRow(3).getCell(1).getNumericCellValue()).isEqualTo(42);
        }
        Files.copy(workbook, ARTIFACTS.resolve("report.xlsx"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theOperatorAddsAChannelIssuesATokenAndEditsTheChecklist() throws Exception {
        logIn(DashboardTestServers.OPERATOR, SERVERS.password());
        browser.findElement(By.linkText("管理")).click();
        awaitReady();

        // 新建 never changes an existing user: the leader stays a leader
        WebElement user = browser.findElement(By.id("user-form"));
        user.findElement(By.name("name")).sendKeys("leader");
        new Select(user.findElement(By.name("role"))).selectByValue("ADMIN");
        user.findElement(By.name("password")).sendKeys("a-long-password");
        user.findElement(By.id("user-save")).click();
        awaitText("user-status", "登录名 leader 已存在");
        assertThat(registry.registry().user("leader").orElseThrow().role()).isEqualTo(Role.LEADER);

        WebElement channel = browser.findElement(By.id("channel-form"));
        channel.findElement(By.name("id")).sendKeys("law-school");
        channel.findElement(By.name("name")).sendKeys("法学院网站");
        channel.findElement(By.tagName("button")).click();
        awaitText("channels-table", "法学院网站");

        WebElement token = browser.findElement(By.id("token-form"));
        token.findElement(By.name("label")).sendKeys("法学院 CMS");
        token.findElement(By.cssSelector("input[value=law-school]")).click();
        token.findElement(By.tagName("button")).click();
        awaitText("tokens-table", "法学院 CMS");
        assertThat(browser.findElement(By.cssSelector("#token-issued code")).getText()).startsWith("xxgk_");

        // refused, said beside the button in Chinese, the line named by its 序号
        WebElement wrong = browser.findElement(By.name("link-48"));
        wrong.sendKeys("ftp://xxgk.demo.edu.cn");
        browser.findElement(By.cssSelector("#checklist-form button")).click();
        awaitText("checklist-status", "未保存：序号 48 的栏目链接须是以 http:// 或 https:// 开头的网址");
        screenshot("admin-refused");
        wrong.clear();

        WebElement link = browser.findElement(By.name("link-6"));
        link.sendKeys("https://xxgk.demo.edu.cn/ndbg");
        browser.findElement(By.name("not-applicable-12")).click();
        browser.findElement(By.cssSelector("#checklist-form button")).click();
        awaitText("checklist-status", "清单已保存");
        assertThat(browser.findElement(By.id("checklist-version")).getText()).contains("第 1 版");
        assertThat(registry.registry().checklist("demo").orElseThrow().items()).as("only what was edited, not the catalog's wording")
                .containsExactly(new OrgChecklist.Item(6, null, null, "https://xxgk.demo.edu.cn/ndbg"),
                        new OrgChecklist.Item(12, null, null, null, false));
        screenshot("admin");
        assertAccessible();

        browser.findElement(By.linkText("年度报告")).click();
        awaitReady();
        assertThat(browser.findElement(By.cssSelector("#checklist-table tbody tr:nth-child(6)")).getText())
                .contains("https://xxgk.demo.edu.cn/ndbg");
        assertThat(browser.findElement(By.cssSelector("#checklist-table tbody tr:nth-child(12)")).getText()).contains("不适用");
    }

    @Test
    void aWriterShapesTheParagraphWithTheTemplateSeesItAsSheTypesAndSavesIt() throws Exception {
        logIn("shaper", SHAPER);
        browser.findElement(By.linkText("年度报告")).click();
        awaitReady();
        browser.findElement(By.cssSelector("#template summary")).click();
        assertThat(browser.findElement(By.id("template-version")).getText()).contains("默认");

        WebElement website = browser.findElement(By.cssSelector("#template-channels tr[data-channel=website]"));
        WebElement label = website.findElement(By.cssSelector("td[data-field=label] input"));
        label.clear();
        label.sendKeys("学校网站");
        WebElement wechat = browser.findElement(By.cssSelector("#template-channels tr[data-channel=wechat]"));
        new Select(wechat.findElement(By.cssSelector("td[data-field=items] select"))).selectByValue("off");
        wechat.findElement(By.cssSelector("td:first-child button")).click();   // 微信公众号 before the website
        awaitText("report-text", "通过学校网站的信息数达30条");
        assertThat(browser.findElement(By.id("report-text")).getText()).as("the draft, before it is saved")
                .doesNotContain("通过微信公众号的信息数").contains("全校主动公开各类信息42条，其中通过学校网站的信息数达30条");
        assertThat(browser.findElement(By.id("status")).getText()).contains("未保存的模板");
        screenshot("report-template");

        browser.findElement(By.id("template-save")).click();
        awaitText("template-status", "已保存第 1 版");
        ReportTemplate saved = registry.registry().reportTemplate("shaping").orElseThrow();
        assertThat(saved.changedBy()).isEqualTo("shaper");
        assertThat(saved.channels()).extracting(ReportTemplate.ChannelWording::channel).startsWith("wechat", "website");
        assertThat(saved.channels().get(1).label()).isEqualTo("学校网站");
        assertThat(saved.channels().getFirst().items()).isEqualTo(ReportTemplate.Figure.OFF);
        browser.navigate().refresh();
        awaitReady();
        assertThat(browser.findElement(By.id("report-text")).getText()).as("the saved template writes the report")
                .contains("通过学校网站的信息数达30条").doesNotContain("通过微信公众号的信息数");
        assertThat(browser.findElement(By.id("status")).getText()).isEmpty();

        // the whole report: a section written and saved, its statistics beside it
        browser.findElement(By.cssSelector("#draft summary")).click();
        WebElement overview = browser.findElement(By.cssSelector("#draft-sections textarea[data-section=overview]"));
        overview.sendKeys("学校高度重视信息公开工作。");
        assertThat(browser.findElement(By.id("draft-sections")).getText()).contains("统计数据（自动生成）：数据统计期限为" + YEAR + "年1月1日");
        browser.findElement(By.id("draft-save")).click();
        awaitText("draft-status", "已保存第 1 版");
        assertThat(registry.registry().annualReport("shaping", YEAR).orElseThrow().section("overview").orElseThrow().text())
                .isEqualTo("学校高度重视信息公开工作。");
        screenshot("report-draft");

        // printed, the page is the report: no controls, the heading names the institution and the figures' day
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        assertThat(browser.findElement(By.id("period")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("template")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("report-title")).getText()).startsWith("shaping大学 " + YEAR + "年度").contains("数据截至");
        screenshot("report-print");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

    }

    @Test
    void aLeaderGlancesOnAPhoneOverSlow4GAndPrintsTheOverview() throws Exception {
        logIn("leader", LEADER);
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            // a first visit (nothing cached) over Chrome's "Slow 4G": 562.5 ms round trips, 1.44 Mbit/s down
            ChromeDriver chrome = (ChromeDriver) browser;
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 562.5,
                    "downloadThroughput", 180_000, "uploadThroughput", 84_375));
            browser.get(url("/?org=demo"));
            awaitReady(Duration.ofSeconds(60));
            long firstView = Long.parseLong(browser.findElement(By.tagName("body")).getDomAttribute("data-first-view-ms"));
            long charts = Long.parseLong(browser.findElement(By.tagName("body")).getDomAttribute("data-ready-ms"));
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            log.info("overview over slow 4G, nothing cached: figures shown after {} ms, charts after {} ms", firstView, charts);
            Files.writeString(ARTIFACTS.resolve("overview-slow4g-timing.txt"), "first_view_ms=" + firstView + " charts_ms=" + charts + "\n");
            assertThat(firstView).as("the figures readable, ms after navigation").isLessThan(2000);
            assertNoSidewaysScrolling();
            assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).isEqualTo("42");
            screenshot("overview-390");
            ((JavascriptExecutor) browser).executeScript("document.getElementById('channels').scrollIntoView()");
            screenshot("overview-390-charts");

            browser.findElement(By.linkText("年度报告")).click();
            awaitReady();
            assertNoSidewaysScrolling();
            screenshot("report-390");

            browser.get(url("/channel?org=demo&channel=wechat"));
            awaitReady();
            assertNoSidewaysScrolling();
            assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).isEqualTo("12");
            screenshot("channel-390");

            browser.get(url("/department?org=demo&department=" + URLEncoder.encode("信息中心", StandardCharsets.UTF_8)));
            awaitReady();
            assertNoSidewaysScrolling();
            assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).isEqualTo("10");
            screenshot("department-390");

            // a year without events: said so, not drawn as zeros
            browser.get(url("/?org=demo&year=" + (YEAR - 3)));
            awaitReady();
            assertNoSidewaysScrolling();
            assertThat(browser.findElement(By.id("no-data")).getText()).startsWith("无数据：" + (YEAR - 3) + "年尚无任何渠道报送的事件")
                    .contains(YEAR + "年、" + (YEAR - 1) + "年");
            assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).isEqualTo("无数据");
            assertThat(browser.findElement(By.cssSelector("#channels-chart")).isDisplayed()).isFalse();
            screenshot("overview-390-empty");
            assertAccessible();
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1100));
        }

        // a shared link opens the same view
        browser.get(url("/?org=demo&year=" + (YEAR - 1)));
        awaitReady();
        assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).isEqualTo("20");
        assertThat(new Select(browser.findElement(By.id("year"))).getFirstSelectedOption().getText()).isEqualTo((YEAR - 1) + "年");

        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.navigate().refresh();
        awaitReady();
        screenshot("overview-dark");
        assertAccessible();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print", "features", List.of()));
        assertThat(browser.findElement(By.cssSelector(".topbar")).isDisplayed()).as("printed: no navigation, no 退出").isFalse();
        assertThat(browser.findElement(By.id("year")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("demo大学 信息公开统计");
        assertThat(browser.findElement(By.id("as-of")).getText()).startsWith((YEAR - 1) + "年度 · 统计至 " + (YEAR - 1) + "年12月31日");
        screenshot("overview-print");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    @Test
    void theProvinceSupervisorLandsOnTheWholeProvinceSortsItsUniversitiesAndOpensOne() throws Exception {
        logIn("supervisor", SUPERVISOR);
        assertThat(new Select(browser.findElement(By.id("org"))).getFirstSelectedOption().getText()).isEqualTo("全省（汇总）");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("全省高校 信息公开统计");
        assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).as("both universities' items").isEqualTo("84");
        assertThat(rows("institutions-table")).extracting(r -> r.subList(0, 4))
                .containsExactly(List.of("demo大学", "42", "20", "+110.0%"), List.of("shaping大学", "42", "0", "—"));
        assertThat(rows("institutions-table").get(1)).as("its checklist item 6 online, of its edition's 50").endsWith("1 / 50 项");
        browser.findElement(By.xpath("//table[@id='institutions-table']//th[3]/button")).click();   // 上年同期, most first
        assertThat(rows("institutions-table")).extracting(r -> r.get(0)).containsExactly("demo大学", "shaping大学");
        browser.findElement(By.xpath("//table[@id='institutions-table']//th[3]/button")).click();   // then fewest first
        assertThat(rows("institutions-table")).extracting(r -> r.get(0)).containsExactly("shaping大学", "demo大学");
        assertThat(browser.findElement(By.xpath("//table[@id='institutions-table']//th[3]")).getDomAttribute("aria-sort")).isEqualTo("ascending");
        screenshot("province");
        assertAccessible();

        new Select(browser.findElement(By.id("year"))).selectByValue(String.valueOf(YEAR - 1));
        awaitReady();
        browser.findElement(By.linkText("demo大学")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("org=demo"));
        awaitReady();
        assertThat(browser.getCurrentUrl()).contains("org=demo", "year=" + (YEAR - 1));
        assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).isEqualTo("20");
        assertThat(browser.findElement(By.id("institutions")).isDisplayed()).as("one university: no table of universities").isFalse();
        new Select(browser.findElement(By.id("org"))).selectByValue("shaping");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("org=shaping"));
        awaitReady();
        assertThat(browser.getCurrentUrl()).as("another org, the same year").contains("year=" + (YEAR - 1));
        assertThat(browser.findElement(By.cssSelector("#kpi-items .value")).getText()).as("shaping stored nothing that year").isEqualTo("无数据");
    }

    /**
     * axe-core (frontend/node_modules, the version package-lock.json pins) run in the page against
     * WCAG 2.1 A and AA: no serious or critical violation.
     */
    private void assertAccessible() throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(AXE));
        Object violations = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))));""");
        assertThat((List<?>) violations).as("axe-core at %s", browser.getCurrentUrl()).isEmpty();
    }

    private void assertNoSidewaysScrolling() {
        Object widths = ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        assertThat(widths).as("page width against the window's, at %s", browser.getCurrentUrl())
                .satisfies(w -> assertThat(((List<?>) w).get(0)).isEqualTo(((List<?>) w).get(1)));
    }

    /** A fresh session: the login form, then the overview. */
    private void logIn(String user, String password) throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertAccessible();
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        awaitReady();
    }

    private void awaitText(String id, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.findElement(By.id(id)).getText().contains(text));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void awaitReady() {
        awaitReady(Duration.ofSeconds(20));
    }

    private void awaitReady(Duration atMost) {
        new WebDriverWait(browser, atMost).until(b -> "true".equals(
                ((JavascriptExecutor) b).executeScript("return document.body && document.body.dataset.ready")));
    }

    /** A table's body, cell by cell, as the page shows it. */
    private List<List<String>> rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(c -> c.getDomProperty("textContent")).toList()).toList();
    }

    private void screenshot(String name) throws IOException {
        Files.write(ARTIFACTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static Path downloaded(String extension) throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(extension)).findFirst().orElse(null);
        }
    }
}
