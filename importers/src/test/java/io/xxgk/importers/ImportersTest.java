package io.xxgk.importers;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.client.Event;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each importer on sample files in the formats people and platforms produce, bad rows included. */
class ImportersTest {

    static final Map<String, String> CHANNELS = Map.of("website", "website", "学校官网", "website", "wechat", "wechat", "微信公众号", "wechat",
            "newspaper", "newspaper", "校报校刊", "newspaper", "weibo", "weibo", "微博", "weibo", "douyin", "douyin", "抖音", "douyin");
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @TempDir
    Path temp;

    static Path sample(String name) {
        try {
            return Path.of(ImportersTest.class.getResource("/samples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sum(List<Event> events, String field) {
        return events.stream().mapToLong(e -> e.data().path(field).asLong()).sum();
    }

    @Test
    void theClerksSpreadsheetGivesItsGoodRowsAndNamesEachBadOneByLine() throws IOException {
        FileImport result = new SpreadsheetImporter(CHANNELS, CHINA).read(sample("items-2023.csv"));

        assertThat(result.rows()).as("the blank line is no row").isEqualTo(10);
        assertThat(result.events()).extracting(e -> e.data().path("channel").asText())
                .containsExactly("website", "website", "wechat", "website", "newspaper");
        assertThat(result.problems()).extracting(Problem::line).containsExactly(7L, 8L, 9L, 10L, 11L);
        assertThat(result.problems().get(0).reason()).contains("2023-13-01");
        assertThat(result.problems().get(1).reason()).contains("校园电台");
        assertThat(result.problems().get(3).reason()).contains("data.category");
        assertThat(result.problems().get(4).reason()).contains("可能");
        Event report = result.events().getFirst();
        assertThat(report.time().toString()).isEqualTo("2023-03-01T09:00+08:00");
        assertThat(report.data().path("category").asInt()).isEqualTo(6);
        assertThat(report.data().path("original").asBoolean()).isTrue();
        assertThat(result.events().get(2).data().path("title").asText()).isEqualTo("春季运动会开幕 \"精彩瞬间\"");
    }

    @Test
    void eachDayHasTheOffsetOfItsOwnDateInTheOrgsZone() throws IOException {
        Path file = temp.resolve("dst.csv");
        Files.writeString(file, Files.readAllLines(sample("items-2023.csv")).getFirst() + "\n"
                + "2023-01-10,学校官网,冬季,1,党政办公室,https://www.example.edu.cn/a/1.htm,是\n"
                + "2023-07-10,学校官网,夏季,1,党政办公室,https://www.example.edu.cn/a/2.htm,是\n");

        FileImport result = new SpreadsheetImporter(CHANNELS, ZoneId.of("America/New_York")).read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.events()).extracting(e -> e.time().toString()).containsExactly("2023-01-10T09:00-05:00", "2023-07-10T09:00-04:00");
    }

    @Test
    void theSameFileGivesTheSameIdsAndAnXlsxTheSameEventsAsItsCsv() throws IOException {
        SpreadsheetImporter importer = new SpreadsheetImporter(CHANNELS, CHINA);
        FileImport csv = importer.read(sample("items-2023.csv"));
        Path xlsx = temp.resolve("items-2023.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            var sheet = book.createSheet("2023");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
            List<String> lines = Files.readAllLines(sample("items-2023.csv"));
            Row header = sheet.createRow(0);
            String[] names = lines.getFirst().replace("\uFEFF", "").split(",");
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Object[][] rows = {
                {java.time.LocalDate.of(2023, 3, 1), "学校官网", "2022年度信息公开工作年度报告", 6, "党政办公室", "https://www.example.edu.cn/info/1001/1.htm", "是"},
                {java.time.LocalDate.of(2023, 3, 5), "website", "本科招生章程", 7, "招生办公室", "https://www.example.edu.cn/info/1001/2.htm", "否"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    switch (rows[r][c]) {
                        case java.time.LocalDate d -> {
                            row.createCell(c).setCellValue(d);
                            row.getCell(c).setCellStyle(date);
                        }
                        case Integer n -> row.createCell(c).setCellValue(n);
                        default -> row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
                    }
                }
            }
            book.write(out);
        }

        FileImport fromXlsx = importer.read(xlsx);

        assertThat(importer.read(sample("items-2023.csv")).events()).isEqualTo(csv.events());
        assertThat(fromXlsx.problems()).isEmpty();
        assertThat(fromXlsx.events()).isEqualTo(csv.events().subList(0, 2));
    }

    @Test
    void aHeaderWithoutTheNeededColumnsIsOneProblemOnLineOne() throws IOException {
        Path file = temp.resolve("wrong.csv");
        Files.writeString(file, "名称,数量\n报告,1\n");

        FileImport result = new SpreadsheetImporter(CHANNELS, CHINA).read(file);

        assertThat(result.events()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).contains("日期", "渠道", "标题");
        });
    }

    @Test
    void runningTotalsBecomeStatsEventsAtTheEndOfTheirDay() throws IOException {
        FileImport result = new RunningTotalsImporter(CHANNELS, CHINA).read(sample("weibo-totals.csv"));

        assertThat(result.events()).extracting(Event::type).containsOnly("xxgk.item.stats");
        assertThat(result.events()).extracting(e -> e.data().path("totalViews").asLong()).containsExactly(12_000L, 18_500L, 90_000L);
        assertThat(result.events().get(2).data().path("channel").asText()).isEqualTo("douyin");
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(5));
    }

    @Test
    void datacubeArticleRowsAreDailyDeltasAndDaysWithoutReadsAreNoEvents() throws IOException {
        FileImport result = new DatacubeImporter("wechat", CHINA).read(sample("getarticlesummary.json"));

        assertThat(result.events()).hasSize(3).extracting(Event::type).containsOnly("xxgk.item.viewed");
        assertThat(sum(result.events(), "views")).isEqualTo(1800 + 420 + 2600);
        assertThat(sum(result.events(), "readers")).isEqualTo(1200 + 300 + 2000);
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.reason()).startsWith("list[4] int_page_read_count"));
    }

    @Test
    void datacubeFollowersAddTheSourcesOfADay() throws IOException {
        FileImport result = new DatacubeImporter("wechat", CHINA).read(sample("getusercumulate.json"));

        assertThat(result.events()).extracting(e -> e.data().path("followers").asLong()).containsExactly(77_500L, 78_000L);
        assertThat(result.events().get(1).time().toString()).isEqualTo("2024-12-31T23:59:59+08:00");
    }

    @Test
    void theArticleListGivesOnePublishedItemPerNewsItem() throws IOException {
        FileImport result = new DatacubeImporter("wechat", CHINA).read(sample("freepublish.json"));

        assertThat(result.events()).extracting(e -> e.data().path("title").asText()).containsExactly("开学第一课", "校园新闻速递", "招生简章");
        assertThat(result.events().getFirst().time().toString()).isEqualTo("2024-03-01T09:00+08:00");
    }

    @Test
    void accessLogsCountReadersViewsOfItemPagesPerDayWithoutCrawlers() throws IOException {
        FileImport result = new AccessLogImporter("website", AccessLogImporter.DEFAULT_ITEM_PATTERN, CHINA).read(sample("access.log"));

        assertThat(result.events()).extracting(e -> e.data().path("itemId").asText() + "@" + e.time().toLocalDate() + "=" + e.data().path("views"))
                .containsExactly("10086@2024-03-01=2", "10086@2024-03-02=2", "10087@2024-03-01=1");
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(10));
        assertThat(result.rows()).isEqualTo(12);
    }

    @Test
    void anItemPatternMayReadTheQueryWhereTheCmsPutsTheItemThere() throws IOException {
        Path log = temp.resolve("jsp.log");
        Files.writeString(log, """
                10.0.0.1 - - [01/Mar/2024:08:01:02 +0800] "GET /content.jsp?id=10086&from=wechat HTTP/1.1" 200 5120 "-" "Mozilla/5.0 Chrome/120.0"
                10.0.0.2 - - [01/Mar/2024:08:02:02 +0800] "GET /content.jsp?id=10086 HTTP/1.1" 200 5120 "-" "Mozilla/5.0 Safari/605.1.15"
                10.0.0.3 - - [01/Mar/2024:08:03:02 +0800] "GET /content.jsp HTTP/1.1" 200 5120 "-" "Mozilla/5.0 Safari/605.1.15"
                """);

        FileImport result = new AccessLogImporter("website", "^/content\\.jsp\\?id=(\\d+)", CHINA).read(log);

        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.data().path("itemId").asText()).isEqualTo("10086");
            assertThat(e.data().path("views").asLong()).isEqualTo(2);
        });
    }

    @Test
    void aGzippedLogReadsTheSame() throws IOException {
        Path gz = temp.resolve("access.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(sample("access.log")));
        }
        AccessLogImporter importer = new AccessLogImporter("website", AccessLogImporter.DEFAULT_ITEM_PATTERN, CHINA);

        List<Event> plain = importer.read(sample("access.log")).events();
        List<Event> zipped = importer.read(gz).events();

        assertThat(zipped).extracting(e -> e.data().toString()).isEqualTo(plain.stream().map(e -> e.data().toString()).toList());
        assertThat(zipped.getFirst().id()).as("another file: its own ids").isNotEqualTo(plain.getFirst().id());
    }

    @Test
    void aLargeLogTellsItsProgress() throws IOException {
        Path log = temp.resolve("big.log");
        String line = Files.readAllLines(sample("access.log")).getFirst() + "\n";
        Files.writeString(log, line.repeat(15_000));   // ~3.5 MB
        List<Long> told = new java.util.ArrayList<>();

        FileImport result = new AccessLogImporter("website", AccessLogImporter.DEFAULT_ITEM_PATTERN, CHINA).read(log, told::add);

        assertThat(result.events()).singleElement().satisfies(e -> assertThat(e.data().path("views").asLong()).isEqualTo(15_000));
        assertThat(told).hasSizeGreaterThanOrEqualTo(3).isSorted().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(Files.size(log)));
    }

    @Test
    void crawlersAreKnownByTheirUserAgents() {
        assertThat(AccessLogImporter.isCrawler("Mozilla/5.0 (compatible; YisouSpider/5.0)")).isTrue();
        assertThat(AccessLogImporter.isCrawler("Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com)")).isTrue();
        assertThat(AccessLogImporter.isCrawler("-")).isTrue();
        assertThat(AccessLogImporter.isCrawler("Mozilla/5.0 (iPhone) MicroMessenger/8.0")).isFalse();
    }
}
