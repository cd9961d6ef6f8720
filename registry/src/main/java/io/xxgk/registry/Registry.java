package io.xxgk.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The registry as last read from its topic: lock-free lookups for the request path. */
public final class Registry {

    private final Map<String, Org> orgs = new ConcurrentHashMap<>();
    private final Map<String, ApiToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, DashboardUser> users = new ConcurrentHashMap<>();
    private final Map<String, OrgChecklist> checklists = new ConcurrentHashMap<>();
    private final Map<String, ReportTemplate> templates = new ConcurrentHashMap<>();
    private final Map<String, RegistryChange> changes = new ConcurrentHashMap<>();
    /** org/year → the draft's versions, oldest first */
    private final Map<String, NavigableMap<Integer, AnnualReportDraft>> drafts = new ConcurrentHashMap<>();

    public Optional<Org> org(String id) {
        return Optional.ofNullable(orgs.get(id));
    }

    public Optional<ApiToken> token(String id) {
        return Optional.ofNullable(tokens.get(id));
    }

    public List<Org> orgs() {
        return sorted(orgs.values(), Comparator.comparing(Org::id));
    }

    public List<ApiToken> tokens() {
        return sorted(tokens.values(), Comparator.comparing(ApiToken::org).thenComparing(ApiToken::createdAt));
    }

    public Optional<DashboardUser> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public List<DashboardUser> users() {
        return sorted(users.values(), Comparator.comparing(DashboardUser::name));
    }

    /** The org's edition of the checklist, if an administrator has saved one. */
    public Optional<OrgChecklist> checklist(String org) {
        return Optional.ofNullable(checklists.get(org));
    }

    /** The org's report template, if a writer has saved one. */
    public Optional<ReportTemplate> reportTemplate(String org) {
        return Optional.ofNullable(templates.get(org));
    }

    /** The latest version of the org's annual report draft for the year, if one was saved. */
    public Optional<AnnualReportDraft> annualReport(String org, int year) {
        NavigableMap<Integer, AnnualReportDraft> versions = drafts.get(org + "/" + year);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    /** Every saved version of the org's draft for the year, oldest first. */
    public List<AnnualReportDraft> annualReportHistory(String org, int year) {
        NavigableMap<Integer, AnnualReportDraft> versions = drafts.get(org + "/" + year);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    /** The latest draft of the most recent year before {@code year}: what a new year's draft starts from. */
    public Optional<AnnualReportDraft> annualReportBefore(String org, int year) {
        return drafts.values().stream().filter(v -> !v.isEmpty()).map(v -> v.lastEntry().getValue())
                .filter(d -> d.org().equals(org) && d.year() < year).max(Comparator.comparingInt(AnnualReportDraft::year));
    }

    /** The audit log, newest first: every change, or one org's ({@code org} non-null). */
    public List<RegistryChange> changes(String org) {
        return changes.values().stream().filter(c -> org == null || org.equals(c.org()))
                .sorted(Comparator.comparing(RegistryChange::at).reversed()).toList();
    }

    /** Every record it holds, one per key (a backup of the registry is these). */
    public List<RegistryRecord> records() {
        List<RegistryRecord> all = new ArrayList<>();
        all.addAll(orgs.values());
        all.addAll(tokens.values());
        all.addAll(users.values());
        all.addAll(checklists.values());
        all.addAll(templates.values());
        drafts.values().forEach(versions -> all.addAll(versions.values()));
        all.addAll(changes.values());
        return all;
    }

    /** The record of the same key as {@code record}, as this registry holds it now. */
    public Optional<? extends RegistryRecord> current(RegistryRecord record) {
        return switch (record) {
            case Org org -> org(org.id());
            case ApiToken token -> token(token.id());
            case DashboardUser user -> user(user.name());
            case OrgChecklist checklist -> checklist(checklist.org());
            case ReportTemplate template -> reportTemplate(template.org());
            case AnnualReportDraft draft -> Optional.ofNullable(drafts.getOrDefault(draft.org() + "/" + draft.year(), new TreeMap<>())
                    .get(draft.version()));
            case RegistryChange change -> Optional.ofNullable(changes.get(change.id()));
        };
    }

    void apply(RegistryRecord record) {
        switch (record) {
            case Org org -> orgs.put(org.id(), org);
            case ApiToken token -> tokens.put(token.id(), token);
            case DashboardUser user -> users.put(user.name(), user);
            case OrgChecklist checklist -> checklists.put(checklist.org(), checklist);
            case ReportTemplate template -> templates.put(template.org(), template);
            case AnnualReportDraft draft -> drafts.computeIfAbsent(draft.org() + "/" + draft.year(), k -> new ConcurrentSkipListMap<>())
                    .put(draft.version(), draft);
            case RegistryChange change -> changes.put(change.id(), change);
        }
    }

    private static <T> List<T> sorted(Collection<T> values, Comparator<T> order) {
        return values.stream().sorted(order).toList();
    }
}
