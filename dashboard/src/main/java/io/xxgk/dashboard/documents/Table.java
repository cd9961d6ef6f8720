package io.xxgk.dashboard.documents;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table of the documents a writer attaches: a title, a header and rows of cells, each a string,
 * a whole number, a date, or null where the figure does not apply to the row (written —). The one
 * model every format renders (DOCX, XLSX, CSV and the report page's preview).
 *
 * @param title             the caption (表2 各公开渠道情况)
 * @param header            the columns' names
 * @param rows              the rows, each as long as the header
 * @param mergedFirstColumn whether rows in a run with the same first cell share it (the 清单's 类别)
 */
public record Table(String title, List<String> header, List<List<Object>> rows, boolean mergedFirstColumn) {

    /** What a cell that does not apply reads. */
    public static final String NOT_APPLICABLE = "—";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
        for (List<Object> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(title + ": a row of " + row.size() + " cells under " + header.size() + " columns");
            }
        }
    }

    public Table(String title, List<String> header, List<List<Object>> rows) {
        this(title, header, rows, false);
    }

    /** How a cell reads on paper: 1085, 2024年12月18日, —. */
    public static String text(Object cell) {
        return switch (cell) {
            case null -> NOT_APPLICABLE;
            case LocalDate date -> date.format(DATE);
            default -> String.valueOf(cell);
        };
    }

    /** The header, then the rows; numbers stay numbers, dates and cells that do not apply as they read. */
    @JsonValue
    public List<List<Object>> cells() {
        List<List<Object>> cells = new ArrayList<>();
        cells.add(List.copyOf(header));
        for (List<Object> row : rows) {
            cells.add(row.stream().map(c -> c instanceof Number ? c : (Object) text(c)).toList());
        }
        return cells;
    }

    /**
     * How wide each column wants to be, in half-width characters (a Chinese character is two): the
     * widest of its cells, a long text capped so that it wraps, the header's longest word at least.
     */
    int[] widths(int min, int max) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            int width = Math.min(max, Math.max(min, (displayWidth(header.get(c)) + 1) / 2));
            for (List<Object> row : rows) {
                width = Math.max(width, Math.min(max, displayWidth(text(row.get(c)))));
            }
            widths[c] = width;
        }
        return widths;
    }

    static int displayWidth(String text) {
        return text.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
    }
}
