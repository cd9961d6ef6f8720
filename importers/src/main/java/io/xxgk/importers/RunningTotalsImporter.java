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
 * Weibo and Douyin exports of running totals (CSV or XLSX): 日期, 渠道, 编号 (the post), 累计阅读量,
 * optionally 累计阅读人数. Each row is the platform's total at the end of that day
 * ({@code xxgk.item.stats}): the report takes differences, never sums.
 */
public final class RunningTotalsImporter implements Importer {

    static final String SOURCE = "/import/running-totals";
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("date", List.of("日期", "统计日期", "date"));
        COLUMNS.put("channel", List.of("渠道", "平台", "channel"));
        COLUMNS.put("item", List.of("编号", "作品编号", "微博编号", "itemid", "item"));
        COLUMNS.put("views", List.of("累计阅读量", "累计播放量", "阅读量", "totalviews"));
        COLUMNS.put("readers", List.of("累计阅读人数", "累计观看人数", "totalreaders"));
    }

    private final Map<String, String> channels;
    private final ZoneId zone;

    public RunningTotalsImporter(Map<String, String> channels, ZoneId zone) {
        this.channels = Map.copyOf(channels);
        this.zone = zone;
    }

    @Override
    public FileImport read(Path file) throws IOException {
        return Table.importRows(file, COLUMNS, List.of("date", "channel", "item", "views"), this::total);
    }

    private Event total(List<String> row, Map<String, Integer> columns) {
        LocalDate day = Rows.date(Rows.cell(row, columns, "date"));
        String channel = Rows.channel(channels, Rows.cell(row, columns, "channel"));
        String item = Rows.cell(row, columns, "item");
        Events.ItemStats stats = Events.itemStats(channel, item, count(Rows.cell(row, columns, "views"), "累计阅读量"));
        String readers = Rows.cell(row, columns, "readers");
        if (!readers.isEmpty()) {
            stats.totalReaders(count(readers, "累计阅读人数"));
        }
        return stats.source(SOURCE).recordKey("running-totals", channel, item, day.toString())
                .at(ZonedDateTime.of(day, LocalTime.of(23, 59, 59), zone).toOffsetDateTime()).build();
    }

    static long count(String value, String column) {
        try {
            long n = Long.parseLong(value.replace(",", "").strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not a count (0 or more)");
        }
    }
}
