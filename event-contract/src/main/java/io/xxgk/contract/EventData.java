package io.xxgk.contract;

import java.util.Optional;

/** The data of each event type of contract v1, as validated by {@link EventParser}. */
public sealed interface EventData {

    /** The channel the event is about; optional only for requests, complaints and service contacts. */
    Optional<String> channel();

    /** Events that always name their channel. */
    sealed interface ChannelEvent extends EventData {
        String channelId();

        @Override
        default Optional<String> channel() {
            return Optional.of(channelId());
        }
    }

    /** Events about one published item ({@code subject} and {@code data.itemId} name it). */
    sealed interface ItemEvent extends ChannelEvent {
        String itemId();
    }

    /** @param noticeId the notice this item publishes, when one notice goes out on several channels or sites: counted once */
    record ItemPublished(String channelId, String itemId, String title, Integer category, String department,
                         boolean original, String url, String noticeId) implements ItemEvent {

        public ItemPublished(String channelId, String itemId, String title, Integer category, String department, boolean original,
                             String url) {
            this(channelId, itemId, title, category, department, original, url, null);
        }
    }

    record ItemRetracted(String channelId, String itemId) implements ItemEvent {
    }

    /** Views added at the event's time: deltas, summed. */
    record ItemViewed(String channelId, String itemId, long views, Long readers) implements ItemEvent {
    }

    /** Running totals as of the event's time: never summed. */
    record ItemStats(String channelId, String itemId, long totalViews, Long totalReaders) implements ItemEvent {
    }

    /** A snapshot: the value at a period's end counts. */
    record ChannelFollowers(String channelId, long followers) implements ChannelEvent {
    }

    record IssueReleased(String channelId, long issueNumber, Integer pages, Integer items) implements ChannelEvent {
    }

    enum RequestStage { RECEIVED, ANSWERED, DECLINED }

    /** 依申请公开: one request, received, answered or declined. */
    record RequestEvent(RequestStage stage, String requestId, String reason, Optional<String> channel) implements EventData {
    }

    enum ComplaintKind { REPORT, REVIEW, LAWSUIT }

    /** 举报、复议、诉讼. */
    record ComplaintReceived(String complaintId, ComplaintKind kind, Optional<String> channel) implements EventData {
    }

    enum ContactKind { CALL, VISIT, ONLINE, HANDLED }

    /** 来电、来访、网络、办理事项. */
    record ServiceContact(ContactKind kind, long count, Optional<String> channel) implements EventData {
    }
}
