package io.xxgk.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a CloudEvent against contract v1 and reads its data into a typed {@link EventData}.
 * Every violation is reported, not just the first, so an adapter author fixes them in one go.
 * Pure logic: no I/O, the clock injected; the same rules serve ingest, aggregator and adapters.
 */
public final class EventParser {

    public static final int MAX_ID = 256;
    public static final int MAX_SOURCE = 512;
    public static final int MAX_SUBJECT = 256;
    public static final int MAX_TEXT = 1000;
    public static final int MAX_NAME = 200;
    public static final Duration MAX_FUTURE = Duration.ofDays(1);
    public static final OffsetDateTime EARLIEST = OffsetDateTime.parse("2000-01-01T00:00:00+08:00");

    private static final List<String> REQUIRED_ATTRIBUTES = List.of("specversion", "id", "source", "type", "time");

    /** The SDK's Jackson (2.x) mapper with its CloudEvent module: reads events without re-serializing them. */
    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(JsonFormat.getCloudEventJacksonModule())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(CloudEvent event, EventType type, EventData data) implements Result {
    }

    /** @param id the event's id where it could be read, else null */
    public record Invalid(String id, List<Violation> violations) implements Result {
    }

    private final Clock clock;
    private final boolean checkFuture;

    /** For events arriving now: a time more than {@link #MAX_FUTURE} ahead of {@code clock} is refused. */
    public EventParser(Clock clock) {
        this(clock, true);
    }

    private EventParser(Clock clock, boolean checkFuture) {
        this.clock = clock;
        this.checkFuture = checkFuture;
    }

    /** For events accepted earlier (read back from Kafka): their time was checked when they arrived. */
    public static EventParser forAcceptedEvents() {
        return new EventParser(Clock.systemUTC(), false);
    }

    /** One event of structured mode, as a JSON value (an element of a batch, or the whole body). */
    public Result parseStructured(JsonNode json) {
        if (!json.isObject()) {
            return new Invalid(null, List.of(new Violation("(event)", "must be a JSON object")));
        }
        String id = json.path("id").isTextual() ? json.path("id").textValue() : null;
        List<Violation> violations = new ArrayList<>();
        for (String attribute : REQUIRED_ATTRIBUTES) {
            JsonNode value = json.get(attribute);
            if (value == null || value.isNull()) {
                violations.add(new Violation(attribute, "is required"));
            } else if (!value.isTextual()) {
                violations.add(new Violation(attribute, "must be a string"));
            }
        }
        if (!violations.isEmpty()) {
            return new Invalid(id, violations);
        }
        try {
            return parse(MAPPER.treeToValue(json, CloudEvent.class));
        } catch (IOException | RuntimeException e) {
            return new Invalid(id, diagnose(json, e));
        }
    }

    /** Why the SDK could not read an event, per field where we can tell (checked only then: it is the slow path). */
    private static List<Violation> diagnose(JsonNode json, Exception sdkError) {
        List<Violation> violations = new ArrayList<>();
        checkTimeSyntax(json.path("time").textValue(), violations);
        JsonNode contentType = json.get("datacontenttype");
        if (contentType != null && !(contentType.isTextual() && isJson(contentType.textValue()))) {
            violations.add(new Violation("datacontenttype", "must be application/json"));
        }
        if (violations.isEmpty()) {
            violations.add(new Violation("(event)", "not a CloudEvent: " + rootMessage(sdkError)));
        }
        return violations;
    }

    /** Checks an event the SDK has read (binary or structured mode). */
    public Result parse(CloudEvent event) {
        List<Violation> violations = new ArrayList<>();
        if (event.getSpecVersion() != SpecVersion.V1) {
            violations.add(new Violation("specversion", "must be \"1.0\""));
        }
        text("id", event.getId(), MAX_ID, violations);
        text("source", event.getSource() == null ? null : event.getSource().toString(), MAX_SOURCE, violations);
        if (event.getSubject() != null && event.getSubject().length() > MAX_SUBJECT) {
            violations.add(new Violation("subject", "must be at most " + MAX_SUBJECT + " characters"));
        } else if (event.getSubject() != null && hasControlCharacters(event.getSubject())) {
            violations.add(new Violation("subject", "must not contain control characters"));
        }
        checkTime(event.getTime(), violations);
        String contentType = event.getDataContentType();
        if (contentType != null && !isJson(contentType)) {
            violations.add(new Violation("datacontenttype", "must be application/json"));
        }
        Optional<EventType> type = EventType.of(event.getType());
        if (type.isEmpty()) {
            violations.add(new Violation("type", "unknown type '" + event.getType() + "'; known: "
                    + List.of(EventType.values()).stream().map(EventType::type).toList()));
        }
        JsonNode data = data(event.getData(), violations);
        EventData parsed = type.isPresent() && data != null ? data(type.get(), data, violations) : null;
        if (parsed instanceof EventData.ItemEvent item && event.getSubject() != null && !event.getSubject().equals(item.itemId())) {
            violations.add(new Violation("subject", "must equal data.itemId ('" + item.itemId() + "') when present"));
        }
        return violations.isEmpty() ? new Valid(event, type.get(), parsed) : new Invalid(event.getId(), violations);
    }

    private static EventData data(EventType type, JsonNode json, List<Violation> violations) {
        DataReader d = new DataReader(json, violations);
        return switch (type) {
            case ITEM_PUBLISHED -> new EventData.ItemPublished(d.requiredString("channel", 64), d.requiredString("itemId", MAX_ID),
                    d.optionalString("title", MAX_TEXT), d.optionalInt("category", 1, 50), d.optionalString("department", MAX_NAME),
                    d.optionalBoolean("original"), d.optionalUrl("url"), d.optionalString("noticeId", MAX_ID));
            case ITEM_RETRACTED -> new EventData.ItemRetracted(d.requiredString("channel", 64), d.requiredString("itemId", MAX_ID));
            case ITEM_VIEWED -> new EventData.ItemViewed(d.requiredString("channel", 64), d.requiredString("itemId", MAX_ID),
                    json.has("views") ? d.requiredCount("views", 1) : 1, d.optionalCount("readers", 0));
            case ITEM_STATS -> new EventData.ItemStats(d.requiredString("channel", 64), d.requiredString("itemId", MAX_ID),
                    d.requiredCount("totalViews", 0), d.optionalCount("totalReaders", 0));
            case CHANNEL_FOLLOWERS -> new EventData.ChannelFollowers(d.requiredString("channel", 64), d.requiredCount("followers", 0));
            case ISSUE_RELEASED -> new EventData.IssueReleased(d.requiredString("channel", 64), d.requiredCount("issueNumber", 1),
                    d.optionalInt("pages", 1, 10_000), d.optionalInt("items", 0, 1_000_000));
            case REQUEST_RECEIVED, REQUEST_ANSWERED, REQUEST_DECLINED -> new EventData.RequestEvent(
                    EventData.RequestStage.valueOf(type.name().substring("REQUEST_".length())),
                    d.requiredString("requestId", MAX_ID), d.optionalString("reason", MAX_TEXT), d.optionalChannel());
            case COMPLAINT_RECEIVED -> new EventData.ComplaintReceived(d.requiredString("complaintId", MAX_ID),
                    d.requiredEnum("kind", EventData.ComplaintKind.class), d.optionalChannel());
            case SERVICE_CONTACT -> new EventData.ServiceContact(d.requiredEnum("kind", EventData.ContactKind.class),
                    json.has("count") ? d.requiredCount("count", 1) : 1, d.optionalChannel());
        };
    }

    private static JsonNode data(CloudEventData data, List<Violation> violations) {
        JsonNode json;
        if (data == null) {
            json = null;
        } else if (data instanceof JsonCloudEventData jsonData) {
            json = jsonData.getNode();
        } else {
            try {
                json = MAPPER.readTree(data.toBytes());
            } catch (IOException e) {
                violations.add(new Violation("data", "must be JSON: " + rootMessage(e)));
                return null;
            }
        }
        if (json == null || !json.isObject()) {
            violations.add(new Violation("data", "is required and must be a JSON object"));
            return null;
        }
        return json;
    }

    private void checkTime(OffsetDateTime time, List<Violation> violations) {
        if (time == null) {
            violations.add(new Violation("time", "is required (RFC 3339 with offset, e.g. 2024-03-01T09:00:00+08:00)"));
        } else if (checkFuture && time.toInstant().isAfter(clock.instant().plus(MAX_FUTURE))) {
            violations.add(new Violation("time", "is more than a day in the future"));
        } else if (time.isBefore(EARLIEST)) {
            violations.add(new Violation("time", "is before " + EARLIEST.toLocalDate()));
        }
    }

    private static void checkTimeSyntax(String time, List<Violation> violations) {
        try {
            OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            violations.add(new Violation("time", "must be RFC 3339 with an offset, e.g. 2024-03-01T09:00:00+08:00"));
        }
    }

    private static boolean isJson(String contentType) {
        return contentType.startsWith("application/json") || contentType.contains("+json");
    }

    private static void text(String field, String value, int maxLength, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
        } else if (value.length() > maxLength) {
            violations.add(new Violation(field, "must be at most " + maxLength + " characters"));
        } else if (hasControlCharacters(value)) {
            violations.add(new Violation(field, "must not contain control characters"));
        }
    }

    /** Control characters break the CSV, XLSX and DOCX the figures end up in, so no text may carry them. */
    static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
