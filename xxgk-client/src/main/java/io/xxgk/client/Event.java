package io.xxgk.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;

/**
 * One event ready to send, in CloudEvents structured form. Built by {@link Events}; already
 * checked against the contract.
 */
public record Event(String id, String source, String type, OffsetDateTime time, String subject, ObjectNode data) {

    /** The event as one element of a structured batch. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("specversion", "1.0");
        json.put("id", id);
        json.put("source", source);
        json.put("type", type);
        json.put("time", time.toString());
        if (subject != null) {
            json.put("subject", subject);
        }
        json.put("datacontenttype", "application/json");
        json.set("data", data);
        return json;
    }
}
