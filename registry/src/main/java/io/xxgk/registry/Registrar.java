package io.xxgk.registry;

import io.xxgk.registry.DashboardUser.Role;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The registry's rules for changing it: creating orgs, adding channels, issuing tokens, saving
 * users, checklist editions and report templates. The dashboard and the command line are thin callers of these, so
 * both refuse the same input with the same words ({@link Refused}). Who may make a change is the
 * caller's to check; what a change may be is checked here.
 */
public final class Registrar {

    /** What the dashboard calls the province's roll-up (every org, added up) where it would name an org. */
    public static final String PROVINCE = "province";

    /** Ids no org may have. */
    public static final Set<String> RESERVED_ORG_IDS = Set.of(PROVINCE);

    static final int MAX_ORG_NAME = 200;
    static final int MAX_CHANNEL_NAME = 100;
    static final int MAX_LABEL = 200;
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD_BYTES = 72;   // bcrypt reads no further
    static final int MAX_TITLE = 1000;
    static final int MAX_DEPARTMENT = 200;
    static final int MAX_LINK = 2000;
    static final int MAX_WORDING = 50;
    static final int MAX_SECTION_TEXT = 20_000;

    /** The registry a change is checked against, and where it is written. */
    public interface Store {
        Registry registry();

        void put(RegistryRecord record);
    }

    private final Store store;
    private final Clock clock;

    public Registrar(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new org with the default channels. */
    public Org createOrg(String id, String name, String timeZone) {
        Refused.Check check = new Refused.Check("org");
        if (id == null || !id.matches(Channel.ID_PATTERN)) {
            check.refuse("id", "must be 1-64 of a-z, 0-9 and '-' (it is what URLs and tokens carry)");
        } else if (RESERVED_ORG_IDS.contains(id)) {
            check.refuse("id", "'" + id + "' is reserved (it names the province's roll-up)");
        } else if (store.registry().org(id).isPresent()) {
            check.refuse("id", "org " + id + " exists");
        }
        String text = check.requiredText("name", name, MAX_ORG_NAME, "the name reports print, e.g. 示例大学");
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            check.refuse("timeZone", "must be a time zone like " + Org.DEFAULT_TIME_ZONE);
        }
        check.done();
        Org org = new Org(id, text, timeZone, Channel.DEFAULTS);
        store.put(org);
        return org;
    }

    /** Adds a channel to an org, or renames one it has (channels are never removed: their past events keep counting). */
    public Channel putChannel(String orgId, String id, String name, String kind) {
        Refused.Check check = new Refused.Check("channel");
        Optional<Org> org = existing(orgId, check);
        if (id == null || !id.matches(Channel.ID_PATTERN)) {
            check.refuse("id", "must be 1-64 of a-z, 0-9 and '-' (it is what events carry in data.channel)");
        }
        String text = check.requiredText("name", name, MAX_CHANNEL_NAME, "the name the report prints");
        Optional<ChannelKind> channelKind = ChannelKind.of(kind);
        if (channelKind.isEmpty()) {
            check.refuse("kind", "must be one of " + ChannelKind.ids());
        }
        check.done();
        Channel channel = new Channel(id, text, channelKind.orElseThrow());
        store.put(org.orElseThrow().withChannel(channel));
        return channel;
    }

    /** A token for some of an org's channels; the bearer string is in the answer and nowhere else. */
    public ApiToken.Issued issueToken(String orgId, Collection<String> channels, String label) {
        Refused.Check check = new Refused.Check("token");
        Optional<Org> org = existing(orgId, check);
        List<String> known = org.map(o -> o.channels().stream().map(Channel::id).toList()).orElse(List.of());
        if (channels == null || channels.isEmpty()) {
            check.refuse("channels", "is required: the channels the adapter may write, of " + known);
        } else if (org.isPresent()) {
            List<String> unknown = channels.stream().filter(c -> !known.contains(c)).distinct().toList();
            if (!unknown.isEmpty()) {
                check.refuse("channels", "org " + orgId + " has no channel " + unknown + "; its channels: " + known);
            }
        }
        String text = check.text("label", label, MAX_LABEL);
        check.done();
        ApiToken.Issued issued = ApiToken.issue(orgId, new LinkedHashSet<>(channels), text == null ? "" : text, clock.instant());
        store.put(issued.token());
        return issued;
    }

    /** @param password required for a new user; null keeps the current one */
    public record UserChange(String org, Role role, String password, Boolean enabled) {
    }

    public record SavedUser(DashboardUser user, boolean created) {
    }

    /**
     * Creates or changes a dashboard user.
     *
     * @param hash      turns the password into the stored hash (bcrypt)
     * @param authorize given the user as it is now (empty when new), throws when the caller may not
     *                  make this change; called once the change is valid
     */
    public SavedUser putUser(String name, UserChange change, UnaryOperator<String> hash, Consumer<Optional<DashboardUser>> authorize) {
        Optional<DashboardUser> existing = store.registry().user(name);
        Refused.Check check = new Refused.Check("user");
        if (name == null || !name.matches(DashboardUser.NAME_PATTERN)) {
            check.refuse("name", "must be 1-64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        if (change.role() == null) {
            check.refuse("role", "is required: LEADER, WRITER, ADMIN or PROVINCE");
        } else if (change.role() != Role.PROVINCE && (change.org() == null || store.registry().org(change.org()).isEmpty())) {
            check.refuse("org", "must name an existing org for a " + change.role() + " user");
        } else if (change.role() == Role.PROVINCE && change.org() != null) {
            check.refuse("org", "must be absent: a PROVINCE user sees every org");
        }
        if (change.password() == null && existing.isEmpty()) {
            check.refuse("password", "is required for a new user");
        } else if (change.password() != null && (change.password().length() < MIN_PASSWORD
                || change.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES)) {
            check.refuse("password", "must be " + MIN_PASSWORD + " characters or more and at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        check.done();
        authorize.accept(existing);
        String passwordHash = change.password() == null ? existing.orElseThrow().passwordHash() : hash.apply(change.password());
        boolean enabled = change.enabled() == null ? existing.map(DashboardUser::enabled).orElse(true) : change.enabled();
        DashboardUser user = new DashboardUser(name, passwordHash, change.role(), change.role() == Role.PROVINCE ? null : change.org(),
                enabled, clock.instant());
        store.put(user);
        return new SavedUser(user, existing.isEmpty());
    }

    /**
     * Saves the org's next edition of the checklist.
     *
     * @param version      the edition the edit starts from (0 for the first), so a concurrent save is not overwritten
     * @param items        the items edited; items left out keep the catalog's wording and have no department or link
     * @param catalogItems the item numbers of the catalog
     * @throws StaleVersion when someone saved since {@code version}
     */
    public OrgChecklist saveChecklist(String orgId, Integer version, List<OrgChecklist.Item> items, Set<Integer> catalogItems, String by) {
        Refused.Check check = new Refused.Check("checklist");
        existing(orgId, check);
        if (version == null || version < 0) {
            check.refuse("version", "is required: the version the edit starts from (0 for the first edition)");
        }
        if (items == null) {
            check.refuse("items", "is required (a list, may be empty)");
        }
        List<OrgChecklist.Item> edited = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            OrgChecklist.Item item = items.get(i);
            String at = "items[" + i + "]";
            if (item == null || !catalogItems.contains(item.item())) {
                check.refuse(at + ".item", "must be an item number of the checklist (1-50)");
                continue;
            }
            if (!seen.add(item.item())) {
                check.refuse(at + ".item", "item " + item.item() + " is listed twice");
            }
            String title = check.text(at + ".title", item.title(), MAX_TITLE);
            String department = check.text(at + ".department", item.department(), MAX_DEPARTMENT);
            String link = check.text(at + ".link", item.link(), MAX_LINK);
            if (link != null && !isWebAddress(link)) {
                check.refuse(at + ".link", "must be an http or https address");
            }
            edited.add(new OrgChecklist.Item(item.item(), title, department, link, item.applies() ? null : false));
        }
        check.done();
        int current = store.registry().checklist(orgId).map(OrgChecklist::version).orElse(0);
        if (version != current) {
            throw new StaleVersion("the checklist", current, version);
        }
        OrgChecklist checklist = new OrgChecklist(orgId, current + 1, edited, by, clock.instant());
        store.put(checklist);
        return checklist;
    }

    /**
     * Saves the org's next report template.
     *
     * @param draft    the template; its {@code version} is the one the edit starts from (0 for the first)
     * @param sections the ids of the report's sections
     * @throws StaleVersion when someone saved since the draft's version
     */
    public ReportTemplate saveReportTemplate(String orgId, ReportTemplate draft, Set<String> sections, String by) {
        ReportTemplate checked = checkReportTemplate(orgId, draft, sections);
        int current = store.registry().reportTemplate(orgId).map(ReportTemplate::version).orElse(0);
        if (checked.version() != current) {
            throw new StaleVersion("the report template", current, checked.version());
        }
        ReportTemplate template = new ReportTemplate(orgId, current + 1, checked.numbers(), checked.academicYearLabel(), checked.total(),
                checked.channels(), checked.sections(), by, clock.instant());
        store.put(template);
        return template;
    }

    /**
     * A report template as it would be saved, without saving it (the report page previews a draft):
     * texts stripped, blanks as null (the default).
     */
    public ReportTemplate checkReportTemplate(String orgId, ReportTemplate draft, Set<String> sections) {
        Refused.Check check = new Refused.Check("report-template");
        Optional<Org> org = existing(orgId, check);
        if (draft == null) {
            check.refuse("body", "is required: the template as JSON");
            check.done();
        }
        if (draft.version() == null || draft.version() < 0) {
            check.refuse("version", "is required: the version the edit starts from (0 for the first template)");
        }
        String academicYear = check.text("academicYearLabel", draft.academicYearLabel(), MAX_WORDING);
        if (academicYear != null && !ReportTemplate.ACADEMIC_YEAR_LABELS.contains(academicYear)) {
            check.refuse("academicYearLabel", "must be one of " + ReportTemplate.ACADEMIC_YEAR_LABELS);
        }
        List<String> known = org.map(o -> o.channels().stream().map(Channel::id).toList()).orElse(List.of());
        List<ReportTemplate.ChannelWording> channels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<ReportTemplate.ChannelWording> given = draft.channels() == null ? List.of() : draft.channels();
        for (int i = 0; i < given.size(); i++) {
            ReportTemplate.ChannelWording c = given.get(i);
            String at = "channels[" + i + "]";
            if (c == null || c.channel() == null || !known.contains(c.channel())) {
                check.refuse(at + ".channel", "must be one of the org's channels " + known);
                continue;
            }
            if (!seen.add(c.channel())) {
                check.refuse(at + ".channel", "channel " + c.channel() + " is listed twice");
            }
            if (c.viewsRoundWith() != null && !ReportTemplate.ChannelWording.VIEWS_ROUND_WITH.contains(c.viewsRoundWith())) {
                check.refuse(at + ".viewsRoundWith", "must be one of " + ReportTemplate.ChannelWording.VIEWS_ROUND_WITH);
            }
            channels.add(new ReportTemplate.ChannelWording(c.channel(), check.text(at + ".label", c.label(), MAX_WORDING),
                    check.text(at + ".verb", c.verb(), MAX_WORDING), check.text(at + ".viewsLabel", c.viewsLabel(), MAX_WORDING),
                    check.text(at + ".readersLabel", c.readersLabel(), MAX_WORDING),
                    check.text(at + ".followersLabel", c.followersLabel(), MAX_WORDING),
                    c.items(), c.originalItems(), c.views(), c.readers(), c.followers(), c.issues(), c.viewsRoundWith(),
                    Boolean.TRUE.equals(c.joinPrevious()) ? true : null));
        }
        Map<String, Boolean> shown = new LinkedHashMap<>();
        if (draft.sections() != null) {
            draft.sections().forEach((id, on) -> {
                if (!sections.contains(id)) {
                    check.refuse("sections." + id, "is no section of the report; its sections: " + sections);
                } else if (on == null) {
                    check.refuse("sections." + id, "must be true or false");
                } else {
                    shown.put(id, on);
                }
            });
        }
        check.done();
        return new ReportTemplate(orgId, draft.version(), draft.numbers(), academicYear, draft.total(), channels, shown, null, null);
    }

    /** A section's new text in a save of the annual report draft. */
    public record SectionText(String id, String text) {
    }

    /**
     * Saves the next version of the org's annual report draft for the year.
     *
     * @param version  the version the edit starts from (0 for the year's first save)
     * @param sections the sections changed; the others keep their text
     * @param ids      the outline's section ids
     * @throws StaleVersion when someone saved since {@code version}
     */
    public AnnualReportDraft saveAnnualReport(String orgId, int year, Integer version, List<SectionText> sections, List<String> ids,
                                              String by) {
        Refused.Check check = new Refused.Check("annual-report");
        existing(orgId, check);
        if (version == null || version < 0) {
            check.refuse("version", "is required: the version the edit starts from (0 for the year's first save)");
        }
        if (sections == null) {
            check.refuse("sections", "is required: [{\"id\", \"text\"}, …] with ids of " + ids);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; sections != null && i < sections.size(); i++) {
            SectionText section = sections.get(i);
            String at = "sections[" + i + "]";
            if (section == null || !ids.contains(section.id())) {
                check.refuse(at + ".id", "must be one of " + ids);
            } else if (texts.containsKey(section.id())) {
                check.refuse(at + ".id", "section " + section.id() + " is listed twice");
            } else {
                String text = section.text() == null ? "" : section.text().strip();
                if (text.length() > MAX_SECTION_TEXT) {
                    check.refuse(at + ".text", "must be at most " + MAX_SECTION_TEXT + " characters");
                } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
                    check.refuse(at + ".text", "must not contain control characters other than line breaks");
                }
                texts.put(section.id(), text.replace("\r\n", "\n"));
            }
        }
        check.done();
        Optional<AnnualReportDraft> current = store.registry().annualReport(orgId, year);
        int at = current.map(AnnualReportDraft::version).orElse(0);
        if (version != at) {
            throw new StaleVersion("the annual report draft", at, version);
        }
        int next = at + 1;
        List<AnnualReportDraft.Section> saved = new ArrayList<>();
        for (String id : ids) {
            Optional<AnnualReportDraft.Section> before = current.flatMap(d -> d.section(id));
            String text = texts.containsKey(id) ? texts.get(id) : before.map(AnnualReportDraft.Section::text).orElse("");
            boolean changed = before.map(b -> !b.text().equals(text)).orElse(texts.containsKey(id));
            saved.add(new AnnualReportDraft.Section(id, text, changed ? next : before.map(AnnualReportDraft.Section::version).orElse(next)));
        }
        AnnualReportDraft draft = new AnnualReportDraft(orgId, year, next, saved, by, clock.instant());
        store.put(draft);
        return draft;
    }

    private Optional<Org> existing(String orgId, Refused.Check check) {
        Optional<Org> org = orgId == null ? Optional.empty() : store.registry().org(orgId);
        if (org.isEmpty()) {
            check.refuse("org", "no org " + orgId + " (create it first: ./xxgk org create)");
        }
        return org;
    }

    private static boolean isWebAddress(String link) {
        try {
            URI uri = new URI(link);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
