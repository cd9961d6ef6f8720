package io.xxgk.store.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every figure of one org, or the sum of several, for one period, as counted by the rules of
 * docs/counting.md.
 *
 * @param channels    per channel (only channels with any figure)
 * @param checklist   per checklist item with publications in the period
 * @param departments per department named by publications in the period, most items first
 * @param reported    which kinds of figure anyone has sent by the period's end: the zeros of the others are "no data"
 * @param disclosed   the checklist items disclosed at the period's end (published by then, not withdrawn since), in order
 * @param notices     the items published, counting those of one notice (data.noticeId) once
 */
public record PeriodFigures(List<String> orgs, ReportPeriod period, List<ChannelFigures> channels, List<ChecklistFigures> checklist,
                            List<DepartmentFigures> departments, Requests requests, Complaints complaints, ServiceContacts service,
                            Reported reported, List<Integer> disclosed, long notices) {

    /**
     * @param followersAsOf  the day of the follower snapshot counted (the last at or before the period's end), or null
     * @param followersStale the snapshot is older than the period: its figure is not the period's
     */
    public record ChannelFigures(String channel, long items, long originalItems, long views, long readers, long followers,
                                 long issues, long lastIssueNumber, long pages, LocalDate followersAsOf, boolean followersStale) {
    }

    /** Per kind of figure (a report's sections): whether any event of it was stored at or before the period's end. */
    public record Reported(boolean proactive, boolean requests, boolean complaints, boolean service) {
        public static final Reported NOTHING = new Reported(false, false, false, false);
    }

    /** @param channels items per channel that published it, by channel id */
    public record ChecklistFigures(int item, long count, LocalDate lastDate, List<String> departments, Map<String, Long> channels) {
    }

    /** @param views views in the period of the items whose latest publication by its end names the department; readers likewise */
    public record DepartmentFigures(String department, long items, long originalItems, long views, long readers) {
    }

    /** @param declinedByReason the declined requests per reason given ('' for none: declined before reasons were kept, or without one) */
    public record Requests(long received, long answered, long declined, Map<String, Long> declinedByReason) {

        public Requests(long received, long answered, long declined) {
            this(received, answered, declined, Map.of());
        }

        Requests withReasons(Map<String, Long> byReason) {
            return new Requests(received, answered, declined, byReason);
        }
    }

    public record Complaints(long report, long review, long lawsuit) {
    }

    public record ServiceContacts(long call, long visit, long online, long handled) {
    }

    /** @param notices the items, counting those of one notice once (at most {@code items}) */
    public record Totals(long items, long originalItems, long views, long readers, long notices) {
        public static final Totals NONE = new Totals(0, 0, 0, 0, 0);
    }

    public Totals totals() {
        return new Totals(
                channels.stream().mapToLong(ChannelFigures::items).sum(),
                channels.stream().mapToLong(ChannelFigures::originalItems).sum(),
                channels.stream().mapToLong(ChannelFigures::views).sum(),
                channels.stream().mapToLong(ChannelFigures::readers).sum(),
                notices);
    }
}
