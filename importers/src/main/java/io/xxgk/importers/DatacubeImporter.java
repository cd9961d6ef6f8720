package io.xxgk.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.client.Event;
import io.xxgk.client.Events;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * WeChat official-account files as the APIs return them:
 * <ul>
 *   <li>{@code datacube/getarticlesummary} (and {@code getarticleread}): per article and day,
 *       {@code int_page_read_count} views and {@code int_page_read_user} readers, both deltas of that day;</li>
 *   <li>{@code datacube/getusercumulate}: followers at the end of each day ({@code cumulate_user}, added over
 *       {@code user_source});</li>
 *   <li>{@code freepublish/batchget}: the published articles ({@code news_item} of each {@code item}).</li>
 * </ul>
 * The kind is told by the fields. Problems name the entry ({@code list[3]}), counted from 1 as line.
 */
public final class DatacubeImporter implements Importer {

    static final String SOURCE = "/import/wechat-datacube";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String channel;
    private final ZoneId zone;

    /** @param channel the org's channel these numbers are of (wechat unless the org has several accounts) */
    public DatacubeImporter(String channel, ZoneId zone) {
        this.channel = channel;
        this.zone = zone;
    }

    @Override
    public FileImport read(Path file) throws IOException {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return new FileImport(name, 0, List.of(), List.of(new Problem(name, 1, "not JSON: " + e.getMessage().lines().findFirst().orElse(""))));
        }
        if (root.has("errcode") && root.path("errcode").asInt() != 0) {
            return new FileImport(name, 0, List.of(), List.of(new Problem(name, 1,
                    "an error answer of the API, not data: " + root.path("errmsg").asText())));
        }
        if (root.path("item").isArray()) {
            return articles(name, root.path("item"));
        }
        JsonNode list = root.path("list");
        if (!list.isArray()) {
            return new FileImport(name, 0, List.of(), List.of(new Problem(name, 1,
                    "neither a datacube answer ({\"list\": [...]}) nor an article list ({\"item\": [...]})")));
        }
        List<Event> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<LocalDate, Long> followers = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode row = list.get(i);
            try {
                LocalDate day = Rows.date(text(row, "ref_date"));
                if (row.has("cumulate_user")) {
                    followers.merge(day, count(row, "cumulate_user"), Long::sum);
                } else if (row.has("msgid")) {
                    long views = count(row, "int_page_read_count");
                    if (views > 0) {   // a day without reads is no event
                        events.add(Events.itemViewed(channel, text(row, "msgid"), views).readers(count(row, "int_page_read_user"))
                                .source(SOURCE).recordKey("getarticlesummary", text(row, "msgid"), day.toString()).at(endOf(day)).build());
                    }
                } else {
                    throw new IllegalArgumentException("has neither msgid (articles) nor cumulate_user (followers)");
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(name, i + 1, "list[" + i + "] " + e.getMessage()));
            }
        }
        followers.forEach((day, n) -> events.add(Events.channelFollowers(channel, n).source(SOURCE)
                .recordKey("getusercumulate", channel, day.toString()).at(endOf(day)).build()));
        return new FileImport(name, list.size(), events, problems);
    }

    private FileImport articles(String name, JsonNode items) {
        List<Event> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                String articleId = text(item, "article_id");
                OffsetDateTime published = Instant.ofEpochSecond(count(item, "update_time")).atZone(zone).toOffsetDateTime();
                JsonNode news = item.path("content").path("news_item");
                for (int n = 0; n < news.size(); n++) {
                    Events.ItemPublished article = Events.itemPublished(channel, articleId + "_" + (n + 1))
                            .title(text(news.get(n), "title")).source(SOURCE).recordKey("freepublish", articleId, String.valueOf(n + 1));
                    String url = news.get(n).path("url").asText("");
                    if (!url.isEmpty()) {
                        article.url(url);
                    }
                    events.add(article.at(published).build());
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(name, i + 1, "item[" + i + "] " + e.getMessage()));
            }
        }
        return new FileImport(name, items.size(), events, problems);
    }

    private OffsetDateTime endOf(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(23, 59, 59), zone).toOffsetDateTime();
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (!value.isTextual() && !value.isNumber() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asText();
    }

    private static long count(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (!value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException(field + " must be a count (0 or more), is " + value);
        }
        return value.asLong();
    }
}
