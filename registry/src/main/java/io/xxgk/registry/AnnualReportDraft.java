package io.xxgk.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One saved version of an org's annual report draft (信息公开工作年度报告) for a year: the texts the
 * writer wrote for the report's sections (the statistics are written from the data each time, not
 * kept here). Every version is its own record, so the history stays on the registry's topic.
 *
 * @param org       the org
 * @param year      the report's year
 * @param version   1 for the first save of the year, then one more per save
 * @param sections  the writer's text of each section, by the outline's section id
 * @param changedBy who saved it
 * @param changedAt when
 */
public record AnnualReportDraft(String org, int year, int version, List<Section> sections, String changedBy, Instant changedAt)
        implements RegistryRecord {

    /**
     * @param id      the outline's section id (overview, proactive, …)
     * @param text    what the writer wrote
     * @param version the draft version that last changed this text
     */
    public record Section(String id, String text, int version) {
    }

    public AnnualReportDraft {
        sections = List.copyOf(sections);
    }

    /** The section of this id, if the draft has one. */
    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
