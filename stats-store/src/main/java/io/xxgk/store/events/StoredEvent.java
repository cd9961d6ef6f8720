package io.xxgk.store.events;

import io.xxgk.contract.EventData;
import io.xxgk.contract.EventParser;
import io.xxgk.contract.EventType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * One event as {@link EventsTable} stores it: typed figures, and the local day that decides which
 * period it counts in. Fields an event type does not have are zero or empty. Built only from the
 * contract's typed data, so production, fixtures and benchmarks store events the same way.
 */
public record StoredEvent(String org, UUID key, String source, String id, EventType type, OffsetDateTime time, LocalDate day,
                          String channel, String item, String department, int category, boolean original, String title,
                          String url, long views, long readers, long totalViews, long totalReaders, long followers,
                          long issueNumber, int pages, int items, String ref, String kind, long count, String reason, String notice) {

    /** The identity of an event, (source, id), as a name-based UUID: equal for every copy of it. */
    public static UUID key(String source, String id) {
        return UUID.nameUUIDFromBytes((source + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** An event the contract's parser accepted, written by {@code org}, whose days are in {@code zone}. */
    public static StoredEvent of(String org, ZoneId zone, EventParser.Valid valid) {
        var event = valid.event();
        return of(org, event.getSource().toString(), event.getId(), event.getTime(), zone, valid.data());
    }

    public static StoredEvent of(String org, String source, String id, OffsetDateTime time, ZoneId zone, EventData data) {
        Builder row = new Builder(org, key(source, id), source, id, EventType.of(data), time, time.atZoneSameInstant(zone).toLocalDate());
        data.channel().ifPresent(c -> row.channel = c);
        switch (data) {
            case EventData.ItemPublished p -> {
                row.item = p.itemId();
                row.department = nullToEmpty(p.department());
                row.category = p.category() == null ? 0 : p.category();
                row.original = p.original();
                row.title = nullToEmpty(p.title());
                row.url = nullToEmpty(p.url());
                row.notice = nullToEmpty(p.noticeId());
            }
            case EventData.ItemRetracted r -> row.item = r.itemId();
            case EventData.ItemViewed v -> {
                row.item = v.itemId();
                row.views = v.views();
                row.readers = v.readers() == null ? 0 : v.readers();
            }
            case EventData.ItemStats s -> {
                row.item = s.itemId();
                row.totalViews = s.totalViews();
                row.totalReaders = s.totalReaders() == null ? 0 : s.totalReaders();
            }
            case EventData.ChannelFollowers f -> row.followers = f.followers();
            case EventData.IssueReleased i -> {
                row.issueNumber = i.issueNumber();
                row.pages = i.pages() == null ? 0 : i.pages();
                row.items = i.items() == null ? 0 : i.items();
            }
            case EventData.RequestEvent r -> {
                row.ref = r.requestId();
                row.kind = kind(r.stage());
                row.reason = nullToEmpty(r.reason());
            }
            case EventData.ComplaintReceived c -> {
                row.ref = c.complaintId();
                row.kind = kind(c.kind());
            }
            case EventData.ServiceContact s -> {
                row.kind = kind(s.kind());
                row.count = s.count();
            }
        }
        return row.build();
    }

    /** How a request stage, complaint kind or contact kind is stored (and read back by the figures). */
    static String kind(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Collects the columns a type sets; the rest keep their zero values. */
    private static final class Builder {
        private final String org;
        private final UUID key;
        private final String source;
        private final String id;
        private final EventType type;
        private final OffsetDateTime time;
        private final LocalDate day;
        private String channel = "";
        private String item = "";
        private String department = "";
        private int category;
        private boolean original;
        private String title = "";
        private String url = "";
        private long views;
        private long readers;
        private long totalViews;
        private long totalReaders;
        private long followers;
        private long issueNumber;
        private int pages;
        private int items;
        private String ref = "";
        private String kind = "";
        private long count;
        private String reason = "";
        private String notice = "";

        Builder(String org, UUID key, String source, String id, EventType type, OffsetDateTime time, LocalDate day) {
            this.org = org;
            this.key = key;
            this.source = source;
            this.id = id;
            this.type = type;
            this.time = time;
            this.day = day;
        }

        StoredEvent build() {
            return new StoredEvent(org, key, source, id, type, time, day, channel, item, department, category, original, title,
                    url, views, readers, totalViews, totalReaders, followers, issueNumber, pages, items, ref, kind, count, reason, notice);
        }
    }
}
