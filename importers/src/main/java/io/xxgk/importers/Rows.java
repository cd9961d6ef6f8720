package io.xxgk.importers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading the cells people type: dates in the forms offices write them, yes/no, headers by their usual names. */
final class Rows {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"), DateTimeFormatter.BASIC_ISO_DATE);

    private Rows() {
    }

    static LocalDate date(String value) {
        String v = value.strip();
        if (v.length() > 10 && (v.charAt(10) == ' ' || v.charAt(10) == 'T')) {
            v = v.substring(0, 10);   // a date with a time of day: the day is what counts
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(v, format);
            } catch (DateTimeParseException next) {
                // try the next form
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a date (2024-03-01, 2024/3/1, 2024年3月1日)");
    }

    static Optional<Boolean> yesNo(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "" -> Optional.empty();
            case "是", "y", "yes", "true", "1", "原创" -> Optional.of(true);
            case "否", "n", "no", "false", "0", "转载" -> Optional.of(false);
            default -> throw new IllegalArgumentException("'" + value + "' is not 是 or 否");
        };
    }

    /** The column of each field, found by any of its names (case and spaces ignored). */
    static Map<String, Integer> columns(List<String> header, Map<String, List<String>> names, List<String> required) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i).strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "");
            for (Map.Entry<String, List<String>> field : names.entrySet()) {
                if (field.getValue().stream().anyMatch(n -> n.equalsIgnoreCase(cell))) {
                    columns.putIfAbsent(field.getKey(), i);
                }
            }
        }
        List<String> missing = required.stream().filter(f -> !columns.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header row has no column " + missing.stream().map(f -> names.get(f).getFirst()).toList()
                    + "; found " + header);
        }
        return columns;
    }

    /** A channel named by its id or its name, as the org has it. */
    static String channel(Map<String, String> channels, String cell) {
        String channel = channels.get(cell);
        if (channel == null) {
            throw new IllegalArgumentException("渠道 '" + cell + "' is not a channel of the org; known: "
                    + channels.keySet().stream().sorted().toList());
        }
        return channel;
    }

    static String cell(List<String> row, Map<String, Integer> columns, String field) {
        Integer i = columns.get(field);
        return i == null || i >= row.size() || row.get(i) == null ? "" : row.get(i).strip();
    }
}
