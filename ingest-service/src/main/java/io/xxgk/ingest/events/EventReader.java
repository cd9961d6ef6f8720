package io.xxgk.ingest.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.xxgk.contract.EventParser;
import io.xxgk.contract.Violation;
import io.xxgk.ingest.IngestProperties;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads a request body in the three modes of the CloudEvents HTTP binding into one parse result
 * per event: structured ({@code application/cloudevents+json}), batch
 * ({@code application/cloudevents-batch+json}) and binary ({@code ce-*} headers, JSON body).
 */
@Component
class EventReader {

    static final MediaType STRUCTURED = MediaType.parseMediaType("application/cloudevents+json");
    static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");
    /** Reads one element of a batch; the elements after it are not trailing garbage. */
    private static final ObjectReader ELEMENT = EventParser.MAPPER.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<String> BINARY_REQUIRED = List.of("ce-specversion", "ce-id", "ce-source", "ce-type", "ce-time");

    private final EventParser parser = new EventParser(Clock.systemUTC());
    private final IngestProperties properties;

    EventReader(IngestProperties properties) {
        this.properties = properties;
    }

    List<ReadEvent> read(HttpHeaders headers, byte[] body) {
        MediaType type = contentType(headers);
        // exact type and subtype: isCompatibleWith would let */* through
        if (BATCH.equalsTypeAndSubtype(type)) {
            return batch(body);
        }
        if (STRUCTURED.equalsTypeAndSubtype(type)) {
            return List.of(new ReadEvent(parser.parseStructured(json(body)), body));
        }
        if (headers.containsHeader("ce-specversion")) {
            if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
                throw Rejection.unsupportedMediaType("binary mode carries the data as application/json; got " + type);
            }
            return List.of(new ReadEvent(binary(headers, body), null));
        }
        throw Rejection.unsupportedMediaType("send application/cloudevents+json (one event), application/cloudevents-batch+json "
                + "(a JSON array) or binary mode (ce-* headers with an application/json body); got " + type);
    }

    /** Each element of the array, with the exact bytes it spans in the body. */
    private List<ReadEvent> batch(byte[] body) {
        List<ReadEvent> events = new ArrayList<>();
        try (JsonParser json = EventParser.MAPPER.createParser(body)) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw Rejection.invalid("a batch must be a JSON array of events", List.of());
            }
            while (json.nextToken() != JsonToken.END_ARRAY) {
                if (events.size() == properties.maxBatchEvents()) {
                    throw Rejection.tooLarge("a batch holds at most " + properties.maxBatchEvents() + " events");
                }
                int start = (int) json.currentTokenLocation().getByteOffset();
                JsonNode event = ELEMENT.readValue(json);
                int end = (int) json.currentLocation().getByteOffset();
                events.add(new ReadEvent(parser.parseStructured(event), Arrays.copyOfRange(body, start, end)));
            }
            if (json.nextToken() != null) {
                throw Rejection.invalid("nothing may follow the batch's closing bracket", List.of());
            }
        } catch (JsonProcessingException e) {
            throw Rejection.invalid("the body is not JSON: " + e.getOriginalMessage(), List.of());
        } catch (IOException e) {
            throw Rejection.invalid("the body cannot be read: " + e.getMessage(), List.of());
        }
        return events;
    }

    private EventParser.Result binary(HttpHeaders headers, byte[] body) {
        List<Violation> missing = BINARY_REQUIRED.stream().filter(h -> !headers.containsHeader(h))
                .map(h -> new Violation(h, "header is required in binary mode")).toList();
        if (!missing.isEmpty()) {
            return new EventParser.Invalid(headers.getFirst("ce-id"), missing);
        }
        CloudEvent event;
        try {
            // the SDK's HTTP binding itself: cloudevents-spring 4.0.1 still expects Spring 6's HttpHeaders
            event = HttpMessageFactory.createReader(forEachHeader -> headers.forEach((name, values) ->
                    values.forEach(value -> forEachHeader.accept(name, value))), body).toEvent();
        } catch (RuntimeException e) {
            return new EventParser.Invalid(headers.getFirst("ce-id"), List.of(new Violation("(headers)", "not a CloudEvent: " + e.getMessage())));
        }
        return parser.parse(event);
    }

    private static MediaType contentType(HttpHeaders headers) {
        try {
            MediaType type = headers.getContentType();
            if (type == null) {
                throw Rejection.unsupportedMediaType("Content-Type is required");
            }
            return type;
        } catch (InvalidMediaTypeException e) {
            throw Rejection.unsupportedMediaType("Content-Type is not a media type: " + e.getMessage());
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode json = EventParser.MAPPER.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw Rejection.invalid("the body is empty", List.of());
            }
            return json;
        } catch (JsonProcessingException e) {
            throw Rejection.invalid("the body is not JSON: " + e.getOriginalMessage(), List.of());
        } catch (IOException e) {
            throw Rejection.invalid("the body cannot be read: " + e.getMessage(), List.of());
        }
    }
}
