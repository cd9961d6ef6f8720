package io.xxgk.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an org's report writes its statistics (DESIGN.md, report template): the channels in the
 * order the paragraph names them, each under the label and verb the writer uses (通过公文传输系统传输的
 * 信息数达…), each figure exact, rounded or left out, the sections that appear, and 学年 or 学年度.
 * Versioned like the checklist edition: each save is one version more, so two writers cannot
 * overwrite each other unseen. A field left null means the default (the channel's registry name,
 * 浏览量, the template's {@code numbers}).
 *
 * @param org               the org
 * @param version           1 for the first template saved, then one more per save (0: the defaults, never saved)
 * @param numbers           how figures without a style of their own are written; a report's {@code numbers=} overrides it
 * @param academicYearLabel 学年 or 学年度 (2020-2021学年度)
 * @param total             the total of items (主动公开各类信息7000余条)
 * @param channels          the order of the channels in the text and how each is written; channels not listed follow, in the registry's order
 * @param sections          which sections appear, by section id; a section not listed appears
 * @param changedBy         who saved it
 * @param changedAt         when
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportTemplate(String org, Integer version, Numbers numbers, String academicYearLabel, Figure total,
                             List<ChannelWording> channels, Map<String, Boolean> sections, String changedBy, Instant changedAt)
        implements RegistryRecord {

    /** What an academic year may be called. */
    public static final List<String> ACADEMIC_YEAR_LABELS = List.of("学年", "学年度");

    /** How figures are written unless a figure says otherwise. */
    public enum Numbers {
        /** all exact: 7145条 */
        @JsonProperty("exact") EXACT,
        /** rounded where reports round (items, views, readers, followers): 7000余条 */
        @JsonProperty("rounded") ROUNDED
    }

    /** How one figure is written. */
    public enum Figure {
        @JsonProperty("exact") EXACT,
        @JsonProperty("rounded") ROUNDED,
        /** left out of the text (the tables keep it) */
        @JsonProperty("off") OFF
    }

    /**
     * One channel in the paragraph.
     *
     * @param channel        the channel's id
     * @param label          its name in the text (学校微博), or null for its registry name
     * @param verb           what is done through it (传输: 通过公文传输系统传输的信息数), or null for none
     * @param viewsLabel     what its views are called (访问量, 阅读量, 超级话题阅读量), or null for 浏览量
     * @param readersLabel   what its readers are called, or null for 阅读人数
     * @param followersLabel what its followers are called, or null for 订阅人数
     * @param items          its items published; null follows {@code numbers}
     * @param originalItems  its original items (原创信息); null is exact
     * @param views          its views; null follows {@code numbers}
     * @param readers        its readers; null follows {@code numbers}
     * @param followers      its followers at the figures' date; null follows {@code numbers}
     * @param issues         its issues, pages and last issue number (共15期，达到第336期); exact unless off
     * @param viewsRoundWith 余 (190余万次, the default) or 多 (超级话题阅读量2000万多次) for its rounded views
     * @param joinPrevious   true to continue the previous channel's clause, in short (通过公文传输系统传输的信息数达1085条，电子政务平台达1259条)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChannelWording(String channel, String label, String verb, String viewsLabel, String readersLabel, String followersLabel,
                                 Figure items, Figure originalItems, Figure views, Figure readers, Figure followers, Figure issues,
                                 String viewsRoundWith, Boolean joinPrevious) {

        /** What rounded views may be written with. */
        public static final List<String> VIEWS_ROUND_WITH = List.of("余", "多");

        /** A channel under its registry name, every figure as the template's numbers say. */
        public static ChannelWording of(Channel channel) {
            return new ChannelWording(channel.id(), channel.name(), null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    public ReportTemplate {
        // nulls inside are kept for the registrar to refuse by name
        channels = channels == null ? null : Collections.unmodifiableList(new ArrayList<>(channels));
        sections = sections == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** Whether the section of this id appears. */
    public boolean shows(String section) {
        return sections == null || !Boolean.FALSE.equals(sections.get(section));
    }
}
