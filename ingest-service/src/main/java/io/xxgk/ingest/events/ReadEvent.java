package io.xxgk.ingest.events;

import io.cloudevents.jackson.JsonFormat;
import io.xxgk.contract.EventParser;

/**
 * One event as read from a request: how it parsed, and in structured mode its JSON exactly as
 * sent, which then goes to Kafka as is (it is a structured-mode CloudEvent already).
 *
 * @param json the event's bytes in the request body, or null (binary mode)
 */
record ReadEvent(EventParser.Result result, byte[] json) {

    private static final JsonFormat STRUCTURED = new JsonFormat();

    /** The structured-mode CloudEvent to store: the bytes as sent, or the SDK's serialization of a binary-mode event. */
    byte[] structured() {
        return json != null ? json : STRUCTURED.serialize(((EventParser.Valid) result).event());
    }

    EventParser.Valid valid() {
        return (EventParser.Valid) result;
    }
}
