package io.xxgk.dashboard.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checklist (清单) as data: 10 categories, 50 items, as published by the ministry. Kept in a
 * versioned file, not in code, so that an institution's edited wording is a new version of it.
 */
public record ChecklistCatalog(String version, String title, String basis, List<Category> categories) {

    public static final String DEFAULT = "checklist/jiaobanhan-2014-23.json";

    public record Category(int number, String name, List<Item> items) {
    }

    public record Item(int item, String title) {
    }

    /** One item with its category, as the 清单事项公开情况表 lists it. */
    public record Entry(int item, int categoryNumber, String category, String title) {
    }

    public static ChecklistCatalog load(JsonMapper json, String resource) {
        try (InputStream in = ChecklistCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no checklist catalog " + resource + " on the classpath");
            }
            return json.readValue(in, ChecklistCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Entry> entries() {
        return categories.stream()
                .flatMap(c -> c.items().stream().map(i -> new Entry(i.item(), c.number(), c.name(), i.title())))
                .toList();
    }
}
