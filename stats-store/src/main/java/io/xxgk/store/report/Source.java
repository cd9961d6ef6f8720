package io.xxgk.store.report;

/** Where a period's figures are read from. */
public enum Source {
    /** The rollup tables: what reports read. */
    ROLLUPS,
    /**
     * The stored events themselves ({@code FINAL}: each once): the same figures by the rules
     * directly, scanning every event of the orgs. For checking the rollups, and as the
     * benchmark's baseline; never for reports.
     */
    EVENTS
}
