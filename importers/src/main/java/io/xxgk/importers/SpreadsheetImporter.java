package io.xxgk.importers;

import io.xxgk.client.Event;
import io.xxgk.client.Events;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clerk's spreadsheet of published items (CSV or XLSX, one row an item): 日期, 渠道, 标题, and
 * optionally 清单事项 (1-50), 责任部门, 链接, 原创 (是/否), for backfilling the years before the
 * adapters. An item is identified by its link, or without one by its channel, day and title.
 */
public final class SpreadsheetImporter implements Importer {

    static final String SOURCE = "/import/spreadsheet";
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("date", List.of("日期", "发布日期", "公开日期", "date"));
        COLUMNS.put("channel", List.of("渠道", "公开渠道", "channel"));
        COLUMNS.put("title", List.of("标题", "信息标题", "title"));
        COLUMNS.put("category", List.of("清单事项", "清单", "清单序号", "category"));
        COLUMNS.put("department", List.of("责任部门", "部门", "department"));
        COLUMNS.put("link", List.of("链接", "网址", "url", "link"));
        COLUMNS.put("original", List.of("原创", "original"));
    }

    private final Map<String, String> channels;
    private final ZoneId zone;

    /**
     * @param channels each channel's id by its id and by its name (学校官网 → website)
     * @param zone     the org's time zone: an item dated 2024-03-01 is published at 09:00 that day there
     */
    public SpreadsheetImporter(Map<String, String> channels, ZoneId zone) {
        this.channels = Map.copyOf(channels);
        this.zone = zone;
    }

    @Override
    public FileImport read(Path file) throws IOException {
        return Table.importRows(file, COLUMNS, List.of("date", "channel", "title"), this::item);
    }

    private Event item(List<String> row, Map<String, Integer> columns) {
        LocalDate day = Rows.date(Rows.cell(row, columns, "date"));
        String channel = Rows.channel(channels, Rows.cell(row, columns, "channel"));
        String title = Rows.cell(row, columns, "title");
        if (title.isEmpty()) {
            throw new IllegalArgumentException("标题 is empty");
        }
        String link = Rows.cell(row, columns, "link");
        String itemId = link.isEmpty() ? Events.idOf(channel, day.toString(), title) : Events.idOf(link);
        Events.ItemPublished item = Events.itemPublished(channel, itemId).title(title).source(SOURCE)
                .recordKey("spreadsheet", channel, itemId).at(ZonedDateTime.of(day, LocalTime.of(9, 0), zone).toOffsetDateTime());
        String category = Rows.cell(row, columns, "category");
        if (!category.isEmpty()) {
            try {
                item.category(Integer.parseInt(category.replaceAll("^第|项$", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("清单事项 '" + category + "' is not an item number (1-50)");
            }
        }
        String department = Rows.cell(row, columns, "department");
        if (!department.isEmpty()) {
            item.department(department);
        }
        if (!link.isEmpty()) {
            item.url(link);
        }
        Rows.yesNo(Rows.cell(row, columns, "original")).ifPresent(item::original);
        return item.build();
    }
}
