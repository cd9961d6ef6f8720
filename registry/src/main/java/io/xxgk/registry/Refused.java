package io.xxgk.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * A change the registry's rules refuse, naming each field with why, in the words every front-end
 * shows (the dashboard as 400 problem+json, the command line as its error).
 */
public final class Refused extends RuntimeException {

    public record Field(String name, String reason) {
    }

    private final String kind;
    private final List<Field> fields;

    /** @param kind what was refused: org, channel, token, user, checklist, report-template */
    public Refused(String kind, List<Field> fields) {
        super(kind + ": " + String.join("; ", fields.stream().map(f -> f.name() + " " + f.reason()).toList()));
        this.kind = kind;
        this.fields = List.copyOf(fields);
    }

    public String kind() {
        return kind;
    }

    public List<Field> fields() {
        return fields;
    }

    /** Collects a change's problems, so that all of them are reported at once. */
    static final class Check {
        private final String kind;
        private final List<Field> fields = new ArrayList<>();

        Check(String kind) {
            this.kind = kind;
        }

        void refuse(String field, String reason) {
            fields.add(new Field(field, reason));
        }

        /**
         * An optional text: stripped, null when blank; refused when longer than {@code max} or with
         * control characters (texts go into the report's CSV, XLSX and DOCX).
         */
        String text(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String stripped = value.strip();
            if (stripped.length() > max) {
                refuse(field, "must be at most " + max + " characters");
            } else if (stripped.chars().anyMatch(Character::isISOControl)) {
                refuse(field, "must not contain control characters");
            }
            return stripped;
        }

        /** A text that must be there. */
        String requiredText(String field, String value, int max, String what) {
            String text = text(field, value, max);
            if (text == null) {
                refuse(field, "is required: " + what + " (1-" + max + " characters)");
            }
            return text;
        }

        void done() {
            if (!fields.isEmpty()) {
                throw new Refused(kind, fields);
            }
        }
    }
}
