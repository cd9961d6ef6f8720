package io.xxgk.bench;

import io.xxgk.contract.EventData;
import io.xxgk.store.events.StoredEvent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A province's events of 2023-2025, event {@code n} a pure function of {@code n}: twenty
 * institutions, a tenth of the events the large one's ({@value ReportBenchmark#ORG}). Items (20 000
 * per institution) are published on a day of the three years and viewed in the 30 days after:
 * page views (1-3 each) on the website, WeChat and the rest, running totals on Weibo, Douyin and
 * Channels. Besides: follower snapshots, newspaper issues, requests, complaints, contacts.
 * Built from the contract's data and stored as the aggregator stores events.
 */
final class ProvinceEvents {

    private static final String[] CHANNELS = {"website", "wechat", "newspaper", "screen", "oa", "egov", "weibo", "douyin", "wechat-video"};
    private static final Set<String> RUNNING_TOTALS = Set.of("weibo", "douyin", "wechat-video");
    private static final String[] FOLLOWED = {"wechat", "weibo", "douyin"};
    private static final String[] DEPARTMENTS = {"党政办公室", "教务处", "信息中心", "学生工作处", "科学技术处", "人事处"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    private static final int DAYS = 1096;

    private ProvinceEvents() {
    }

    /** Events {@code start} to {@code start + count - 1}. */
    static List<StoredEvent> range(long start, int count) {
        List<StoredEvent> events = new ArrayList<>(count);
        for (long n = start; n < start + count; n++) {
            events.add(event(n));
        }
        return events;
    }

    static StoredEvent event(long n) {
        long h = mix(n);
        int institution = n % 10 == 0 ? -1 : (int) Long.remainderUnsigned(h, 19);
        String org = institution < 0 ? ReportBenchmark.ORG : "org-" + institution;
        long k = Long.remainderUnsigned(h >>> 8, 20_000);
        long hk = mix(institution * 1_000_003L + k);
        String channel = CHANNELS[(int) Long.remainderUnsigned(hk, CHANNELS.length)];
        String item = "i" + k;
        LocalDate publishedDay = FIRST_DAY.plusDays(Long.remainderUnsigned(hk, DAYS));
        long t = (h >>> 40) % 1000;
        long later = (h >>> 20) % 30;
        LocalDate itemDay = min(publishedDay.plusDays(later));
        LocalDate anyDay = FIRST_DAY.plusDays((h >>> 20) % DAYS);
        long small = (h >>> 50) % 1000;
        long pick = h >>> 12;
        EventData data;
        LocalDate day;
        if (t < 20) {
            day = publishedDay;
            long category = Long.remainderUnsigned(hk, 51);
            data = new EventData.ItemPublished(channel, item, "通知公告第" + k + "号", category == 0 ? null : (int) category,
                    DEPARTMENTS[(int) Long.remainderUnsigned(hk, DEPARTMENTS.length)], Long.remainderUnsigned(hk, 3) == 0, null);
        } else if (t < 21) {
            day = itemDay;
            data = new EventData.ItemRetracted(channel, item);
        } else if (t < 920) {
            day = itemDay;
            long age = itemDay.toEpochDay() - publishedDay.toEpochDay() + 1;
            data = RUNNING_TOTALS.contains(channel)
                    ? new EventData.ItemStats(channel, item, age * 1000 + small, age * 100L)
                    : new EventData.ItemViewed(channel, item, 1 + small % 3, (h >>> 52) % 2);
        } else if (t < 930) {
            day = anyDay;
            data = new EventData.ChannelFollowers(FOLLOWED[(int) (pick % 3)], 70_000 + (anyDay.toEpochDay() - FIRST_DAY.toEpochDay()) * 10 + small % 10);
        } else if (t < 933) {
            day = anyDay;
            data = new EventData.IssueReleased("newspaper", 300 + pick % 150, (int) (4 + small % 5), null);
        } else if (t < 963) {
            day = anyDay;
            EventData.RequestStage stage = t < 950 ? EventData.RequestStage.RECEIVED
                    : t < 960 ? EventData.RequestStage.ANSWERED : EventData.RequestStage.DECLINED;
            data = new EventData.RequestEvent(stage, "r" + pick % 3000, null, Optional.empty());
        } else if (t < 970) {
            day = anyDay;
            data = new EventData.ComplaintReceived("c" + pick % 500, EventData.ComplaintKind.values()[(int) (pick % 3)], Optional.empty());
        } else {
            day = anyDay;
            data = new EventData.ServiceContact(EventData.ContactKind.values()[(int) (pick % 4)], 1 + small % 5, Optional.empty());
        }
        OffsetDateTime time = day.atStartOfDay().plusSeconds((h >>> 28) % 86_400).atOffset(ZoneOffset.UTC);
        return StoredEvent.of(org, "/bench", Long.toString(n), time, ZoneOffset.UTC, data);
    }

    private static LocalDate min(LocalDate day) {
        return day.isAfter(LAST_DAY) ? LAST_DAY : day;
    }

    /** SplitMix64's finalizer: a well-spread hash of a counter. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
