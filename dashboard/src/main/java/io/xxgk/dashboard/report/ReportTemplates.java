package io.xxgk.dashboard.report;

import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.registry.Channel;
import io.xxgk.registry.Org;
import io.xxgk.registry.Registry;
import io.xxgk.registry.ReportTemplate.ChannelWording;
import io.xxgk.registry.ReportTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The report templates as the text uses them: the org's saved template, or the defaults that write
 * what reports write without one, completed so that every channel and every word is there.
 */
@Component
public class ReportTemplates {

    /** What a template leaves blank reads as this. */
    static final String VIEWS = "浏览量";
    static final String READERS = "阅读人数";
    static final String FOLLOWERS = "订阅人数";

    private final Registry registry;

    ReportTemplates(Registry registry) {
        this.registry = registry;
    }

    /** The scope's template: the org's, or the defaults (a province's report names the default channels). */
    public ReportTemplate of(ReportScope scope) {
        ReportTemplate saved = registry.reportTemplate(scope.id()).orElseGet(() -> defaults(scope.id()));
        return complete(saved, channels(scope));
    }

    /** A draft as it would read for the scope: completed like a saved one. */
    ReportTemplate draft(ReportScope scope, ReportTemplate draft) {
        return complete(draft, channels(scope));
    }

    private List<Channel> channels(ReportScope scope) {
        return registry.org(scope.id()).map(Org::channels).orElse(Channel.DEFAULTS);
    }

    private static ReportTemplate defaults(String org) {
        return new ReportTemplate(org, 0, ReportTemplate.Numbers.ROUNDED, null, null, List.of(), Map.of(), null, null);
    }

    /**
     * Every one of the org's channels, the template's first in its order and then the others in
     * the registry's (a channel added after the template was saved is written, not dropped); every
     * word filled in; every section's switch.
     */
    static ReportTemplate complete(ReportTemplate template, List<Channel> channels) {
        Map<String, String> names = channels.stream().collect(Collectors.toMap(Channel::id, Channel::name, (a, b) -> a, LinkedHashMap::new));
        List<ChannelWording> given = Objects.requireNonNullElse(template.channels(), List.of());
        Set<String> listed = given.stream().map(ChannelWording::channel).collect(Collectors.toSet());
        List<ChannelWording> all = new ArrayList<>();
        given.forEach(c -> all.add(complete(c, names.getOrDefault(c.channel(), c.channel()))));
        names.forEach((id, name) -> {
            if (!listed.contains(id)) {
                all.add(complete(new ChannelWording(id, null, null, null, null, null, null, null, null, null, null, null, null, null), name));
            }
        });
        Map<String, Boolean> sections = new LinkedHashMap<>();
        ReportText.SECTIONS.forEach(id -> sections.put(id, template.shows(id)));
        return new ReportTemplate(template.org(), Objects.requireNonNullElse(template.version(), 0),
                Objects.requireNonNullElse(template.numbers(), ReportTemplate.Numbers.ROUNDED),
                Objects.requireNonNullElse(template.academicYearLabel(), ReportTemplate.ACADEMIC_YEAR_LABELS.getFirst()),
                template.total(), all, sections, template.changedBy(), template.changedAt());
    }

    /** A channel's words, blanks as the defaults; its figures' styles stay as given (null follows the numbers). */
    static ChannelWording complete(ChannelWording c, String name) {
        return new ChannelWording(c.channel(), or(c.label(), name), or(c.verb(), ""), or(c.viewsLabel(), VIEWS),
                or(c.readersLabel(), READERS), or(c.followersLabel(), FOLLOWERS), c.items(), c.originalItems(), c.views(), c.readers(),
                c.followers(), c.issues(), or(c.viewsRoundWith(), ChannelWording.VIEWS_ROUND_WITH.getFirst()), Boolean.TRUE.equals(c.joinPrevious()));
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
