package io.xxgk.registry;

/**
 * What the registry topic holds: each record is the latest value of its key, so every switch
 * over the kinds is exhaustive and a new kind is a compile error wherever it is not handled.
 */
public sealed interface RegistryRecord permits Org, ApiToken, DashboardUser, OrgChecklist, ReportTemplate, AnnualReportDraft, RegistryChange {

    /** The record's key on the topic, {@code <kind>/<id>}: a later record of the same key replaces it. */
    default String registryKey() {
        return switch (this) {
            case Org org -> "org/" + org.id();
            case ApiToken token -> "token/" + token.id();
            case DashboardUser user -> "user/" + user.name();
            case OrgChecklist checklist -> "checklist/" + checklist.org();
            case ReportTemplate template -> "report-template/" + template.org();
            // every version a key of its own: the topic keeps the history
            case AnnualReportDraft draft -> "annual-report/" + draft.org() + "/" + draft.year() + "/" + draft.version();
            case RegistryChange change -> "change/" + change.id();
        };
    }
}
