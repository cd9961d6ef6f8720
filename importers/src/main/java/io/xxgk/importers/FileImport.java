package io.xxgk.importers;

import io.xxgk.client.Event;
import java.util.List;

/**
 * What one file gives: its events, and its problems (bad rows, named by line). A file with
 * problems is imported only when the caller says to skip bad rows.
 *
 * @param rows the data rows read (header and blank lines not counted)
 */
public record FileImport(String file, long rows, List<Event> events, List<Problem> problems) {
}
