package io.xxgk.registry;

import java.time.Instant;
import java.util.List;

/**
 * An org's own edition of the checklist (清单): its wording of items, the department responsible
 * for each and the column (栏目) where it is published. Items not listed keep the ministry's
 * catalog. Each save is a new version, so two administrators cannot overwrite each other unseen.
 *
 * @param org       the org
 * @param version   1 for the first edition, then one more per save
 * @param items     the edited items, by item number (1-50, what events carry in data.category)
 * @param changedBy who saved it
 * @param changedAt when
 */
public record OrgChecklist(String org, int version, List<Item> items, String changedBy, Instant changedAt) implements RegistryRecord {

    /**
     * @param item       the item's number in the catalog
     * @param title      the org's wording, or null for the catalog's
     * @param department the department responsible, or null
     * @param link       the URL of the column where it is published, or null
     * @param applicable false when the item does not apply to the org (研究生 items at a vocational college: 不适用); null or true otherwise
     */
    public record Item(int item, String title, String department, String link, Boolean applicable) {

        public Item(int item, String title, String department, String link) {
            this(item, title, department, link, null);
        }

        /** Whether the item applies to the org: unless it was marked 不适用. */
        public boolean applies() {
            return !Boolean.FALSE.equals(applicable);
        }
    }

    public OrgChecklist {
        items = List.copyOf(items);
    }
}
