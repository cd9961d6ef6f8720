package io.xxgk.importers;

import io.xxgk.client.Event;
import io.xxgk.client.Events;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Web server access logs in the combined format (nginx and Apache's default; {@code .gz} too) →
 * page views per item and day. Only successful GETs of pages matching the item pattern count;
 * crawlers, monitors and scripts (crawlers.txt) do not. A file's events are keyed by the file's
 * name, item and day: importing the same file again changes nothing, another day's file adds.
 */
public final class AccessLogImporter implements Importer {

    static final String SOURCE = "/import/access-log";
    /** News and information pages of the usual CMSs: /info/1034/10086.htm, /news/2024/0301/c123a10086/page.htm */
    public static final String DEFAULT_ITEM_PATTERN = "^/(?:info|news|xwzx|xxgk)/(?:[^?]*/)?(?:c\\d+a)?[a-z]*(\\d+)(?:/page)?\\.s?html?$";
    private static final Pattern COMBINED = Pattern.compile(
            "^(\\S+) \\S+ \\S+ \\[([^\\]]+)] \"(\\S+) (\\S+)[^\"]*\" (\\d{3}) \\S+ \"[^\"]*\" \"([^\"]*)\"");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final List<String> CRAWLERS = crawlers();

    private final String channel;
    private final Pattern items;
    private final ZoneId zone;

    /**
     * @param channel     the org's channel the site is (website)
     * @param itemPattern the pages that are items; its first group, if any, is the item id (else the path)
     */
    public AccessLogImporter(String channel, String itemPattern, ZoneId zone) {
        this.channel = channel;
        this.items = Pattern.compile(itemPattern);
        this.zone = zone;
    }

    @Override
    public FileImport read(Path file) throws IOException {
        return read(file, bytes -> { });
    }

    @Override
    public FileImport read(Path file, LongConsumer progress) throws IOException {
        String name = file.getFileName().toString();
        Map<String, Long> views = new TreeMap<>();   // item + '\t' + day → views
        List<Problem> problems = new ArrayList<>();
        long lines = 0;
        try (InputStream raw = new Counting(Files.newInputStream(file), progress);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                if (line.isBlank()) {
                    continue;
                }
                Matcher m = COMBINED.matcher(line);
                if (!m.find()) {
                    problems.add(new Problem(name, lines, "not in the combined log format"));
                    continue;
                }
                String item = item(m.group(3), m.group(4), m.group(5), m.group(6));
                if (item == null) {
                    continue;
                }
                try {
                    LocalDate day = OffsetDateTime.parse(m.group(2), LOG_TIME).atZoneSameInstant(zone).toLocalDate();
                    views.merge(item + "\t" + day, 1L, Long::sum);
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(name, lines, "time '" + m.group(2) + "' is not dd/MMM/yyyy:HH:mm:ss +zzzz"));
                }
            }
        }
        List<Event> events = new ArrayList<>();
        views.forEach((key, n) -> {
            String[] parts = key.split("\t");
            LocalDate day = LocalDate.parse(parts[1]);
            events.add(Events.itemViewed(channel, parts[0], n).source(SOURCE).recordKey("access-log", name, parts[0], parts[1])
                    .at(ZonedDateTime.of(day, LocalTime.of(23, 59, 59), zone).toOffsetDateTime()).build());
        });
        return new FileImport(name, lines, events, problems);
    }

    /** Tells how many bytes of the file have been read, every megabyte. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;
        private long read;
        private long told;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return count(super.read(b, off, len));
        }

        private int count(int n) {
            if (n > 0) {
                read += n;
                if (read - told >= 1 << 20) {
                    told = read;
                    progress.accept(read);
                }
            }
            return n;
        }
    }

    /** The item a request read, or null when it is not a reader's view of an item page. */
    private String item(String method, String target, String status, String userAgent) {
        if (!method.equals("GET") || !(status.equals("200") || status.equals("304")) || isCrawler(userAgent)) {
            return null;
        }
        // the page without its query (?from=wechat), or with it for CMSs whose item is in it (content.jsp?id=10086)
        int query = target.indexOf('?');
        String page = query < 0 ? target : target.substring(0, query);
        Matcher m = items.matcher(page);
        if (!m.find()) {
            m = items.matcher(target);
            if (query < 0 || !m.find()) {
                return null;
            }
            page = target;
        }
        String item = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : page;
        return item.length() > 256 ? null : item;
    }

    static boolean isCrawler(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return ua.isBlank() || ua.equals("-") || CRAWLERS.stream().anyMatch(ua::contains);
    }

    private static List<String> crawlers() {
        try (InputStream in = AccessLogImporter.class.getResourceAsStream("crawlers.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
