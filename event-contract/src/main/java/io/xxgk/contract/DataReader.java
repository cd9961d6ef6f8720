package io.xxgk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the fields of an event's {@code data}, recording a violation for each field that is wrong. */
final class DataReader {

    static final long MAX_COUNT = 1_000_000_000_000L;

    private final JsonNode data;
    private final List<Violation> violations;

    DataReader(JsonNode data, List<Violation> violations) {
        this.data = data;
        this.violations = violations;
    }

    String requiredString(String field, int maxLength) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            violate(field, "is required");
            return null;
        }
        return string(field, node, maxLength);
    }

    String optionalString(String field, int maxLength) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : string(field, node, maxLength);
    }

    long requiredCount(String field, long min) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            violate(field, "is required");
            return 0;
        }
        return count(field, node, min);
    }

    Long optionalCount(String field, long min) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : count(field, node, min);
    }

    Integer optionalInt(String field, int min, int max) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            violate(field, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    boolean optionalBoolean(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            violate(field, "must be true or false");
            return false;
        }
        return node.booleanValue();
    }

    <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        String value = requiredString(field, 32);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violate(field, "must be one of " + List.of(type.getEnumConstants()).stream()
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
            return null;
        }
    }

    String optionalUrl(String field) {
        String value = optionalString(field, 2048);
        if (value != null) {
            try {
                URI uri = new URI(value);
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    violate(field, "must be an http(s) URL");
                }
            } catch (URISyntaxException e) {
                violate(field, "must be an http(s) URL");
            }
        }
        return value;
    }

    Optional<String> optionalChannel() {
        return Optional.ofNullable(optionalString("channel", 64));
    }

    private String string(String field, JsonNode node, int maxLength) {
        if (!node.isTextual()) {
            violate(field, "must be a string");
            return null;
        }
        String value = node.textValue().strip();
        if (value.isEmpty()) {
            violate(field, "must not be blank");
            return null;
        }
        if (value.length() > maxLength) {
            violate(field, "must be at most " + maxLength + " characters");
            return null;
        }
        if (EventParser.hasControlCharacters(value)) {
            violate(field, "must not contain control characters");
            return null;
        }
        return value;
    }

    private long count(String field, JsonNode node, long min) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > MAX_COUNT) {
            violate(field, "must be a whole number from " + min + " to " + MAX_COUNT);
            return 0;
        }
        return node.longValue();
    }

    private void violate(String field, String reason) {
        violations.add(new Violation("data." + field, reason));
    }
}
