package io.xxgk.dashboard.checklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checklist (清单) as data: 10 categories, 50 items, as published by the ministry. Kept in a
 * versioned file, not in code; an org's administrator edits its own edition ({@link Checklists}).
 */
public record ChecklistCatalog(String version, String title, String basis, List<Category> categories) {

    public static final String DEFAULT = "checklist/jiaobanhan-2014-23.json";

    public record Category(int number, String name, List<Item> items) {
    }

    public record Item(int item, String title) {
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

    /** Every item with its category, in item order, as the 清单事项公开情况表 lists them. */
    List<Checklists.Entry> entries() {
        return categories.stream()
                .flatMap(c -> c.items().stream().map(i -> new Checklists.Entry(i.item(), c.number(), c.name(), i.title(), null, null, i.title(), true)))
                .toList();
    }
}
