package io.xxgk.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits events into request bodies within ingest's limits: at most so many events and so many bytes each. */
final class Batches {

    private Batches() {
    }

    /** Each body is a JSON array of structured events. */
    static List<Body> split(List<Event> events, int maxEvents, int maxBytes) {
        List<Body> bodies = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 2;
        for (Event event : events) {
            String json = event.toJson().toString();
            int size = json.getBytes(StandardCharsets.UTF_8).length;
            if (size + 2 > maxBytes) {
                throw new IllegalArgumentException("event " + event.id() + " alone is " + size + " bytes, over the limit of " + maxBytes);
            }
            if (!current.isEmpty() && (current.size() == maxEvents || bytes + 1 + size > maxBytes)) {
                bodies.add(Body.of(current));
                current = new ArrayList<>();
                bytes = 2;
            }
            bytes += size + (current.isEmpty() ? 0 : 1);
            current.add(json);
        }
        if (!current.isEmpty()) {
            bodies.add(Body.of(current));
        }
        return bodies;
    }

    record Body(int events, byte[] json) {
        static Body of(List<String> events) {
            return new Body(events.size(), ("[" + String.join(",", events) + "]").getBytes(StandardCharsets.UTF_8));
        }
    }
}
