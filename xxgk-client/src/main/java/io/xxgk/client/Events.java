package io.xxgk.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xxgk.contract.EventData.ComplaintKind;
import io.xxgk.contract.EventData.ContactKind;
import io.xxgk.contract.EventData.RequestStage;
import io.xxgk.contract.EventParser;
import io.xxgk.contract.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * Typed builders, one per event type of the contract. Each event's id is derived from the source
 * record it comes from ({@link Draft#recordKey}), or else from its whole content, so running an
 * adapter again over the same records sends the same ids, and ingest's dedup counts nothing twice.
 * {@link Draft#build()} checks the event with the contract's own parser: a bad field fails here,
 * naming the field, before anything is sent.
 */
public final class Events {

    private static final EventParser PARSER = new EventParser(Clock.systemUTC());

    private Events() {
    }

    public static ItemPublished itemPublished(String channel, String itemId) {
        return new ItemPublished(channel, itemId);
    }

    public static Simple itemRetracted(String channel, String itemId) {
        return new Simple(EventType.ITEM_RETRACTED).put("channel", channel).put("itemId", itemId).subject(itemId);
    }

    /** Views since the last report of this item (a delta); {@code views} ≥ 1. */
    public static ItemViewed itemViewed(String channel, String itemId, long views) {
        return new ItemViewed(channel, itemId, views);
    }

    /** The platform's running total of an item's views (Weibo, Douyin): never added, differenced. */
    public static ItemStats itemStats(String channel, String itemId, long totalViews) {
        return new ItemStats(channel, itemId, totalViews);
    }

    public static Simple channelFollowers(String channel, long followers) {
        return new Simple(EventType.CHANNEL_FOLLOWERS).put("channel", channel).put("followers", followers);
    }

    public static IssueReleased issueReleased(String channel, long issueNumber) {
        return new IssueReleased(channel, issueNumber);
    }

    public static CaseEvent request(RequestStage stage, String requestId) {
        EventType type = EventType.valueOf("REQUEST_" + stage.name());
        return new CaseEvent(type).put("requestId", requestId);
    }

    public static CaseEvent complaint(ComplaintKind kind, String complaintId) {
        return new CaseEvent(EventType.COMPLAINT_RECEIVED).put("complaintId", complaintId).put("kind", kind.name().toLowerCase(Locale.ROOT));
    }

    public static CaseEvent serviceContact(ContactKind kind, long count) {
        return new CaseEvent(EventType.SERVICE_CONTACT).put("kind", kind.name().toLowerCase(Locale.ROOT)).put("count", count);
    }

    /** A stable id from the parts that identify a source record (e.g. article id and day). */
    public static String idOf(String... recordKey) {
        return UUID.nameUUIDFromBytes(String.join("\u001f", recordKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** What every builder has: where the event comes from, when it happened, and its id. */
    public abstract static class Draft<SELF extends Draft<SELF>> {
        private final EventType type;
        final ObjectNode data = JsonNodeFactory.instance.objectNode();
        private String id;
        private String source = "/xxgk-client";
        private OffsetDateTime time;
        private String subject;

        Draft(EventType type) {
            this.type = type;
        }

        @SuppressWarnings("unchecked")
        private SELF self() {
            return (SELF) this;
        }

        /** The adapter and its instance, e.g. {@code /cms/www.example.edu.cn} (a URI reference). */
        public SELF source(String source) {
            this.source = source;
            return self();
        }

        /** When it happened, with its offset (the org's day is taken from it). */
        public SELF at(OffsetDateTime time) {
            this.time = time;
            return self();
        }

        /** The id derived from the parts that identify the source record, e.g. {@code recordKey("datacube", msgid, day)}. */
        public SELF recordKey(String... parts) {
            this.id = idOf(parts);
            return self();
        }

        /** An id chosen by the adapter; it must stay the same when the same record is sent again. */
        public SELF id(String id) {
            this.id = id;
            return self();
        }

        SELF subject(String subject) {
            this.subject = subject;
            return self();
        }

        SELF put(String field, String value) {
            if (value != null) {
                data.put(field, value);
            }
            return self();
        }

        SELF put(String field, long value) {
            data.put(field, value);
            return self();
        }

        /** The event, checked against the contract; {@link IllegalArgumentException} naming each bad field otherwise. */
        public Event build() {
            if (time == null) {
                throw new IllegalArgumentException(type.type() + ": time is required (at(...))");
            }
            String eventId = id != null ? id : idOf(type.type(), source, time.toInstant().toString(), data.toString());
            Event event = new Event(eventId, source, type.type(), time, subject, data.deepCopy());
            if (PARSER.parseStructured(event.toJson()) instanceof EventParser.Invalid invalid) {
                throw new IllegalArgumentException(String.join("; ", invalid.violations().stream().map(v -> v.field() + " " + v.reason()).toList())
                        + " (" + type.type() + ")");
            }
            return event;
        }
    }

    /** Events with no optional fields. */
    public static final class Simple extends Draft<Simple> {
        Simple(EventType type) {
            super(type);
        }
    }

    public static final class ItemPublished extends Draft<ItemPublished> {
        ItemPublished(String channel, String itemId) {
            super(EventType.ITEM_PUBLISHED);
            put("channel", channel).put("itemId", itemId).subject(itemId);
        }

        public ItemPublished title(String title) {
            return put("title", title);
        }

        /** The checklist item (1-50) it discloses. */
        public ItemPublished category(int item) {
            return put("category", item);
        }

        public ItemPublished department(String department) {
            return put("department", department);
        }

        public ItemPublished original(boolean original) {
            data.put("original", original);
            return this;
        }

        public ItemPublished url(String url) {
            return put("url", url);
        }

        /** The notice this item publishes, when one notice goes out on several channels or sites: it counts once in the total. */
        public ItemPublished noticeId(String noticeId) {
            return put("noticeId", noticeId);
        }
    }

    public static final class ItemViewed extends Draft<ItemViewed> {
        ItemViewed(String channel, String itemId, long views) {
            super(EventType.ITEM_VIEWED);
            put("channel", channel).put("itemId", itemId).put("views", views).subject(itemId);
        }

        public ItemViewed readers(long readers) {
            return put("readers", readers);
        }
    }

    public static final class ItemStats extends Draft<ItemStats> {
        ItemStats(String channel, String itemId, long totalViews) {
            super(EventType.ITEM_STATS);
            put("channel", channel).put("itemId", itemId).put("totalViews", totalViews).subject(itemId);
        }

        public ItemStats totalReaders(long totalReaders) {
            return put("totalReaders", totalReaders);
        }
    }

    public static final class IssueReleased extends Draft<IssueReleased> {
        IssueReleased(String channel, long issueNumber) {
            super(EventType.ISSUE_RELEASED);
            put("channel", channel).put("issueNumber", issueNumber);
        }

        public IssueReleased pages(int pages) {
            return put("pages", pages);
        }

        public IssueReleased items(int items) {
            return put("items", items);
        }
    }

    /** Requests, complaints and service contacts: optionally the channel they came through. */
    public static final class CaseEvent extends Draft<CaseEvent> {
        CaseEvent(EventType type) {
            super(type);
        }

        public CaseEvent channel(String channel) {
            return put("channel", channel);
        }

        /** Why a request was declined. */
        public CaseEvent reason(String reason) {
            return put("reason", reason);
        }
    }
}
