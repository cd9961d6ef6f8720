package io.xxgk.registry;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One change to the registry, for the audit log: who changed what, when. Written beside the record
 * it describes, under a key of its own, so that the compacted topic keeps every change.
 *
 * @param id      unique
 * @param at      when
 * @param actor   who: a dashboard login, or the command line's operator
 * @param org     the org the change concerns, or null (a PROVINCE user)
 * @param key     the changed record's registry key
 * @param summary what changed, in words (created / changed / revoked …)
 */
public record RegistryChange(String id, Instant at, String actor, String org, String key, String summary) implements RegistryRecord {

    /** The change that writing {@code record} over {@code before} makes. */
    public static RegistryChange of(RegistryRecord record, Optional<? extends RegistryRecord> before, String actor, Instant at) {
        String action = before.isEmpty() ? "created" : "changed";
        String summary = switch (record) {
            case Org org -> "org " + org.id() + " " + action + ": " + org.name() + ", channels " + org.channels().stream().map(Channel::id).toList();
            case ApiToken token -> "token " + token.id() + (token.revokedAt() != null ? " revoked" : " " + action + ": channels "
                    + token.channels().stream().sorted().toList() + (token.label().isEmpty() ? "" : " (" + token.label() + ")"));
            case DashboardUser user -> "user " + user.name() + " " + action + ": " + user.role() + (user.org() == null ? "" : " of " + user.org())
                    + (user.enabled() ? "" : ", disabled") + before.filter(b -> b instanceof DashboardUser u && u.role() != user.role())
                    .map(b -> " (was " + ((DashboardUser) b).role() + ")").orElse("");
            case OrgChecklist checklist -> "checklist edition " + checklist.version() + " saved (" + checklist.items().size() + " items edited)";
            case ReportTemplate template -> "report template version " + template.version() + " saved";
            case AnnualReportDraft draft -> "annual report " + draft.year() + " version " + draft.version() + " saved";
            case RegistryChange change -> throw new IllegalArgumentException("a change is not itself audited");
        };
        return new RegistryChange(UUID.randomUUID().toString(), at, actor, org(record), record.registryKey(), summary);
    }

    private static String org(RegistryRecord record) {
        return switch (record) {
            case Org org -> org.id();
            case ApiToken token -> token.org();
            case DashboardUser user -> user.org();
            case OrgChecklist checklist -> checklist.org();
            case ReportTemplate template -> template.org();
            case AnnualReportDraft draft -> draft.org();
            case RegistryChange change -> change.org();
        };
    }
}
