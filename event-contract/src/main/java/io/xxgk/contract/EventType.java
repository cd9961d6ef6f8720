package io.xxgk.contract;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents {@code type} values of contract v1. */
public enum EventType {
    ITEM_PUBLISHED("xxgk.item.published"),
    ITEM_RETRACTED("xxgk.item.retracted"),
    ITEM_VIEWED("xxgk.item.viewed"),
    ITEM_STATS("xxgk.item.stats"),
    CHANNEL_FOLLOWERS("xxgk.channel.followers"),
    ISSUE_RELEASED("xxgk.issue.released"),
    REQUEST_RECEIVED("xxgk.request.received"),
    REQUEST_ANSWERED("xxgk.request.answered"),
    REQUEST_DECLINED("xxgk.request.declined"),
    COMPLAINT_RECEIVED("xxgk.complaint.received"),
    SERVICE_CONTACT("xxgk.service.contact");

    private final String type;

    EventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    /** The type whose data this is: the one place the two are matched. */
    public static EventType of(EventData data) {
        return switch (data) {
            case EventData.ItemPublished p -> ITEM_PUBLISHED;
            case EventData.ItemRetracted r -> ITEM_RETRACTED;
            case EventData.ItemViewed v -> ITEM_VIEWED;
            case EventData.ItemStats s -> ITEM_STATS;
            case EventData.ChannelFollowers f -> CHANNEL_FOLLOWERS;
            case EventData.IssueReleased i -> ISSUE_RELEASED;
            case EventData.RequestEvent r -> switch (r.stage()) {
                case RECEIVED -> REQUEST_RECEIVED;
                case ANSWERED -> REQUEST_ANSWERED;
                case DECLINED -> REQUEST_DECLINED;
            };
            case EventData.ComplaintReceived c -> COMPLAINT_RECEIVED;
            case EventData.ServiceContact c -> SERVICE_CONTACT;
        };
    }
}
