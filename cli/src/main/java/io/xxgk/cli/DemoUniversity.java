package io.xxgk.cli;

import io.xxgk.client.Event;
import io.xxgk.client.Events;
import io.xxgk.contract.EventData.ComplaintKind;
import io.xxgk.contract.EventData.ContactKind;
import io.xxgk.contract.EventData.RequestStage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A year of a demo university's channels, in the proportions of real reports (DOMAIN.md): the
 * website's 1300 items and their page views, WeChat articles with readers and followers near
 * 80 000, Weibo and Douyin running totals, the newspaper's issues up to 第336期, display screens,
 * the document-transfer and e-government systems, procurement notices, requests, complaints and
 * hotline contacts. Seeded by the year: the same year always gives the same events and ids, so
 * running the demo again counts nothing twice.
 */
final class DemoUniversity {

    static final String SOURCE = "/demo/university";
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final List<String> DEPARTMENTS = List.of("党政办公室", "教务处", "招生办公室", "人事处", "财务处", "学生工作部",
            "研究生院", "科学技术处", "国有资产管理处", "国际交流与合作处", "党委宣传部", "信息化建设与管理中心");
    /** Checklist items weighted as offices publish them: the annual report, admissions, finance, procurement, teaching quality. */
    private static final int[] CATEGORIES = {1, 2, 3, 5, 6, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 16, 17, 18, 19, 20, 21, 22, 24,
            25, 26, 27, 28, 29, 31, 32, 33, 36, 37, 38, 40, 41, 43, 44, 47, 48, 50};

    /** Per channel: how many items a year, and what share discloses a checklist item. */
    private record Channel(String id, int items, double checklistShare) {
    }

    private static final List<Channel> PUBLISHING = List.of(
            new Channel("website", 1300, 0.6), new Channel("wechat", 372, 0.1), new Channel("wechat-video", 41, 0),
            new Channel("weibo", 200, 0), new Channel("douyin", 60, 0), new Channel("newspaper", 500, 0),
            new Channel("screen", 700, 0), new Channel("oa", 300, 0.3), new Channel("egov", 1259, 0.4),
            new Channel("doc-transfer", 1085, 0.2), new Channel("procurement", 250, 1.0));

    private final int year;
    /** 0 for this year: this year's newspaper reaches 第336期 and WeChat nears 80 000 followers */
    private final int yearsAgo;
    private final LocalDate until;
    private final Random random;
    private final List<Event> events = new ArrayList<>();

    private DemoUniversity(int year, LocalDate until) {
        this.year = year;
        this.yearsAgo = LocalDate.now(CHINA).getYear() - year;
        this.until = until;
        this.random = new Random(year * 7919L);
    }

    /** The year's events that have happened by {@code until} (a past year: all of them). */
    static List<Event> year(int year, LocalDate until) {
        DemoUniversity demo = new DemoUniversity(year, until);
        demo.generate();
        return demo.events;
    }

    private void generate() {
        for (Channel channel : PUBLISHING) {
            // every channel draws the same number of random values whatever `until` is: the year's first months keep their ids
            for (int i = 0; i < channel.items(); i++) {
                item(channel, i);
            }
        }
        newspaperIssues();
        followers();
        casework();
    }

    private void item(Channel channel, int n) {
        String item = channel.id() + "-" + year + "-" + n;
        OffsetDateTime published = workday(random.nextInt(365));
        // original content is what the media channels write themselves; systems and notices repost
        double originalShare = switch (channel.id()) {
            case "wechat" -> 0.69;
            case "website", "weibo", "douyin", "wechat-video" -> 0.3;
            default -> 0;
        };
        boolean original = random.nextDouble() < originalShare;
        int category = random.nextDouble() < channel.checklistShare() ? (channel.id().equals("procurement") ? 16
                : CATEGORIES[random.nextInt(CATEGORIES.length)]) : 0;
        String department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
        Events.ItemPublished publication = Events.itemPublished(channel.id(), item).title(title(channel, n)).department(department)
                .original(original).url("https://www.demo.edu.cn/" + channel.id() + "/" + n + ".html");
        if (category > 0) {
            publication.category(category);
        }
        add(publication.recordKey(item, "published"), published);
        if (channel.id().equals("website") && random.nextInt(100) == 0) {
            add(Events.itemRetracted(channel.id(), item).recordKey(item, "retracted"), published.plusHours(3));
        }
        switch (channel.id()) {
            // page views in three deltas: the first day, the rest of the week, the month after
            case "website", "egov", "wechat", "wechat-video" -> {
                long scale = switch (channel.id()) {
                    case "website" -> 1460;
                    case "wechat" -> 2100;
                    case "wechat-video" -> 900;
                    default -> 47;
                };
                int[] days = {0, 3, 20};
                double[] shares = {0.55, 0.3, 0.15};
                for (int d = 0; d < days.length; d++) {
                    long views = Math.max(1, Math.round(scale * shares[d] * (0.4 + random.nextDouble() * 1.2)));
                    Events.ItemViewed viewed = Events.itemViewed(channel.id(), item, views);
                    if (channel.id().startsWith("wechat")) {
                        viewed.readers(Math.max(1, views * 7 / 10));
                    }
                    add(viewed.recordKey(item, "views", String.valueOf(days[d])), published.plusDays(days[d]).plusHours(8));
                }
            }
            // the platforms report running totals: three readings, each at least the one before
            case "weibo", "douyin" -> {
                long total = 0;
                for (int d : new int[] {1, 7, 30}) {
                    total += Math.round((channel.id().equals("weibo") ? 40_000 : 25_000) * (0.3 + random.nextDouble()));
                    add(Events.itemStats(channel.id(), item, total).recordKey(item, "stats", String.valueOf(d)), published.plusDays(d));
                }
            }
            default -> {
            }
        }
    }

    private void newspaperIssues() {
        long first = 336 - 15 * yearsAgo - 14;
        for (int i = 0; i < 15; i++) {
            OffsetDateTime released = workday(10 + i * 23);
            add(Events.issueReleased("newspaper", first + i).pages(4 + 4 * (i % 3 == 0 ? 1 : 0)).items(33)
                    .recordKey("newspaper", String.valueOf(first + i)), released);
        }
    }

    private void followers() {
        long[] start = {74_000 - yearsAgo * 5_000L, 150_000, 42_000, 9_000};
        String[] channels = {"wechat", "weibo", "douyin", "wechat-video"};
        for (int month = 1; month <= 12; month++) {
            for (int c = 0; c < channels.length; c++) {
                long followers = start[c] + month * (start[c] / 200) + random.nextInt(300);
                add(Events.channelFollowers(channels[c], followers).recordKey(channels[c], "followers", year + "-" + month),
                        OffsetDateTime.of(LocalDate.of(year, month, 1).plusMonths(1).minusDays(1), LocalTime.of(23, 0), CHINA));
            }
        }
    }

    private void casework() {
        for (int r = 0; r < 14; r++) {
            String request = "YSQ-" + year + "-" + r;
            OffsetDateTime received = workday(random.nextInt(330));
            add(Events.request(RequestStage.RECEIVED, request).channel("website").recordKey(request, "received"), received);
            RequestStage outcome = r % 5 == 4 ? RequestStage.DECLINED : RequestStage.ANSWERED;
            Events.CaseEvent answer = Events.request(outcome, request).recordKey(request, "outcome");
            if (outcome == RequestStage.DECLINED) {
                answer.reason("申请公开的信息不属于本校信息公开范围");
            }
            add(answer, received.plusDays(15));
        }
        add(Events.complaint(ComplaintKind.REPORT, "JB-" + year + "-1").recordKey("JB", String.valueOf(year)), workday(200));
        for (int week = 0; week < 52; week++) {
            OffsetDateTime day = workday(week * 7);
            add(Events.serviceContact(ContactKind.CALL, 5 + random.nextInt(5)).channel("hotline")
                    .recordKey("hotline", "call", year + "-" + week), day);
            add(Events.serviceContact(ContactKind.VISIT, 6 + random.nextInt(6)).recordKey("office", "visit", year + "-" + week), day);
        }
    }

    /** Events after {@code until} have not happened yet. */
    private void add(Events.Draft<?> draft, OffsetDateTime time) {
        if (!time.toLocalDate().isAfter(until)) {
            events.add(draft.source(SOURCE).at(time).build());
        }
    }

    /** A working day of the year (Monday to Friday) near day {@code dayOfYear}, during office hours. */
    private OffsetDateTime workday(int dayOfYear) {
        LocalDate day = LocalDate.of(year, 1, 1).plusDays(Math.min(dayOfYear, 364));
        int step = day.getDayOfYear() > 360 ? -1 : 1;   // stay within the year
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(step);
        }
        return OffsetDateTime.of(day, LocalTime.of(8 + random.nextInt(10), random.nextInt(60)), CHINA);
    }

    private static String title(Channel channel, int n) {
        return switch (channel.id()) {
            case "procurement" -> "采购公告（第" + (n + 1) + "号）";
            case "newspaper" -> "校报稿件" + (n + 1);
            case "doc-transfer", "oa", "egov" -> "关于做好相关工作的通知（" + (n + 1) + "）";
            default -> "学校新闻" + (n + 1);
        };
    }
}
