package io.xxgk.dashboard.checklist;

import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.registry.OrgChecklist;
import io.xxgk.registry.Registry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** An org's checklist: the ministry's catalog with the org's edition (wording, department, column link) laid over it. */
@Component
public class Checklists {

    /**
     * One item as the 清单事项公开情况表 lists it; department and link are null until the org names them.
     *
     * @param title        the org's wording, else the catalog's
     * @param department   the department the org made responsible for it, or null
     * @param catalogTitle the catalog's wording
     * @param applicable   false when the org marked it 不适用
     */
    public record Entry(int item, int categoryNumber, String category, String title, String department, String link,
                        String catalogTitle, boolean applicable) {
    }

    /** @param version the org's edition (0: the catalog unchanged) */
    public record Edition(String org, String catalog, int version, List<Entry> entries) {
    }

    private final ChecklistCatalog catalog;
    /** the catalog's items, flattened once: every report lays the org's edition over them */
    private final List<Entry> catalogEntries;
    private final Registry registry;

    Checklists(ChecklistCatalog catalog, Registry registry) {
        this.catalog = catalog;
        this.catalogEntries = catalog.entries();
        this.registry = registry;
    }

    /** The org's edition, or for the province's roll-up the catalog itself. */
    public Edition of(ReportScope scope) {
        return switch (scope) {
            case ReportScope.Province province -> new Edition(scope.id(), catalog.version(), 0, catalogEntries);
            case ReportScope.OneOrg one -> of(one.org());
        };
    }

    /** The org's edition: the catalog with what the org changed laid over it. */
    public Edition of(String org) {
        OrgChecklist edition = registry.checklist(org).orElse(null);
        if (edition == null) {
            return new Edition(org, catalog.version(), 0, catalogEntries);
        }
        Map<Integer, OrgChecklist.Item> edits = edition.items().stream()
                .collect(Collectors.toMap(OrgChecklist.Item::item, Function.identity()));
        List<Entry> entries = catalogEntries.stream().map(e -> {
            OrgChecklist.Item edit = edits.get(e.item());
            return edit == null ? e : new Entry(e.item(), e.categoryNumber(), e.category(),
                    edit.title() == null ? e.title() : edit.title(), edit.department(), edit.link(), e.catalogTitle(), edit.applies());
        }).toList();
        return new Edition(org, catalog.version(), edition.version(), entries);
    }

    /** The catalog's item numbers. */
    Set<Integer> items() {
        return catalogEntries.stream().map(Entry::item).collect(Collectors.toUnmodifiableSet());
    }
}
