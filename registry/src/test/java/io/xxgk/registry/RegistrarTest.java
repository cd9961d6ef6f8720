package io.xxgk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xxgk.registry.DashboardUser.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The registry's rules, on a registry in memory: what the dashboard and the command line both refuse, and why. */
class RegistrarTest {

    private static final Set<Integer> CATALOG = IntStream.rangeClosed(1, 50).boxed().collect(Collectors.toSet());
    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz12";

    private final Registry registry = new Registry();
    private final List<RegistryRecord> written = new ArrayList<>();
    private final Registrar registrar = new Registrar(new Registrar.Store() {
        @Override
        public Registry registry() {
            return registry;
        }

        @Override
        public void put(RegistryRecord record) {
            written.add(record);
            registry.apply(record);
        }
    }, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void anOrgStartsWithTheDefaultChannelsAndNeitherAnExistingNorTheReservedIdIsTaken() {
        Org org = registrar.createOrg("uni-a", " 甲大学 ", "Asia/Shanghai");

        assertThat(org.channels()).isEqualTo(Channel.DEFAULTS);
        assertThat(org.name()).isEqualTo("甲大学");
        assertThat(refusal(() -> registrar.createOrg("uni-a", "again", "Asia/Shanghai"))).containsExactly("id org uni-a exists");
        assertThat(refusal(() -> registrar.createOrg("province", "全省", "Asia/Shanghai")))
                .containsExactly("id 'province' is reserved (it names the province's roll-up)");
        assertThat(refusal(() -> registrar.createOrg("Uni B", "", "Mars/Olympus"))).hasSize(3);
        assertThat(written).hasSize(1);
    }

    @Test
    void aChannelHasAKnownKindAndANameAndBelongsToAnExistingOrg() {
        registrar.createOrg("uni-a", "甲大学", "Asia/Shanghai");

        Channel law = registrar.putChannel("uni-a", "law-school", "法学院网站", "website");

        assertThat(law.kind()).isEqualTo(ChannelKind.WEBSITE);
        assertThat(registry.org("uni-a").orElseThrow().channel("law-school")).contains(law);
        assertThat(refusal(() -> registrar.putChannel("uni-a", "radio", "校园广播", "broadcast")))
                .containsExactly("kind must be one of [website, social, video, print, screen, system, service]");
        assertThat(refusal(() -> registrar.putChannel("nobody", "radio", "", "print")))
                .containsExactly("org no org nobody (create it first: ./xxgk org create)", "name is required: the name the report prints (1-100 characters)");
    }

    @Test
    void aTokenIsForChannelsTheOrgHasAndNoOrgIsCreatedForIt() {
        registrar.createOrg("uni-a", "甲大学", "Asia/Shanghai");

        ApiToken.Issued issued = registrar.issueToken("uni-a", List.of("website", "wechat"), "CMS");

        assertThat(issued.token().matches(issued.bearer())).isTrue();
        assertThat(issued.token().channels()).containsExactlyInAnyOrder("website", "wechat");
        assertThat(refusal(() -> registrar.issueToken("uni-a", List.of("website", "tiktok"), null)))
                .singleElement().asString().startsWith("channels org uni-a has no channel [tiktok]; its channels: [website, wechat,");
        assertThat(refusal(() -> registrar.issueToken("uni-b", List.of("website"), null))).hasSize(1);
        assertThat(registry.org("uni-b")).isEmpty();
    }

    @Test
    void aUserIsCheckedBeforeTheCallerIsAskedWhetherItMayMakeTheChange() {
        registrar.createOrg("uni-a", "甲大学", "Asia/Shanghai");
        AtomicReference<Optional<DashboardUser>> asked = new AtomicReference<>();

        assertThat(refusal(() -> registrar.putUser("wang", new Registrar.UserChange("uni-a", Role.LEADER, null, null), p -> HASH, asked::set)))
                .containsExactly("password is required for a new user");
        assertThat(asked.get()).as("not asked about an invalid change").isNull();
        assertThat(refusal(() -> registrar.putUser("li", new Registrar.UserChange("uni-a", Role.PROVINCE, "long-enough-pw", null),
                p -> HASH, asked::set))).containsExactly("org must be absent: a PROVINCE user sees every org");

        Registrar.SavedUser saved = registrar.putUser("wang", new Registrar.UserChange("uni-a", Role.LEADER, "long-enough-pw", null),
                p -> HASH, asked::set);

        assertThat(saved.created()).isTrue();
        assertThat(asked.get()).isEmpty();
        assertThat(registrar.putUser("wang", new Registrar.UserChange("uni-a", Role.WRITER, null, false), p -> HASH, asked::set).created())
                .isFalse();
        assertThat(registry.user("wang").orElseThrow()).satisfies(u -> {
            assertThat(u.role()).isEqualTo(Role.WRITER);
            assertThat(u.enabled()).isFalse();
        });
    }

    @Test
    void aChecklistEditionStartsFromTheCurrentVersionAndNamesEachBadItem() {
        registrar.createOrg("uni-a", "甲大学", "Asia/Shanghai");
        List<OrgChecklist.Item> items = List.of(new OrgChecklist.Item(6, null, "党政办公室", "https://www.example.edu.cn/xxgk"));

        assertThat(registrar.saveChecklist("uni-a", 0, items, CATALOG, "admin").version()).isEqualTo(1);
        assertThatThrownBy(() -> registrar.saveChecklist("uni-a", 0, items, CATALOG, "admin"))
                .isInstanceOfSatisfying(StaleVersion.class, stale -> assertThat(stale.current()).isEqualTo(1));
        assertThat(refusal(() -> registrar.saveChecklist("uni-a", 1, List.of(items.getFirst(), items.getFirst(),
                new OrgChecklist.Item(51, null, null, null), new OrgChecklist.Item(7, null, null, "ftp://x")), CATALOG, "admin")))
                .containsExactly("items[1].item item 6 is listed twice", "items[2].item must be an item number of the checklist (1-50)",
                        "items[3].link must be an http or https address");
    }

    @Test
    void aReportTemplateStartsFromTheCurrentVersionKeepsTheWritersWordsAndNamesEachBadField() {
        registrar.createOrg("uni-a", "甲大学", "Asia/Shanghai");
        Set<String> sections = Set.of("period", "proactive");
        ReportTemplate.ChannelWording docs = new ReportTemplate.ChannelWording("doc-transfer", " 公文传输系统 ", "传输", "", null, null,
                ReportTemplate.Figure.EXACT, null, ReportTemplate.Figure.OFF, null, null, null, null, false);
        ReportTemplate draft = new ReportTemplate(null, 0, ReportTemplate.Numbers.EXACT, "学年度", null, List.of(docs),
                Map.of("period", false), "someone else", Instant.EPOCH);

        ReportTemplate saved = registrar.saveReportTemplate("uni-a", draft, sections, "writer");

        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.changedBy()).isEqualTo("writer");
        assertThat(saved.changedAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(saved.channels()).singleElement().satisfies(c -> {
            assertThat(c.label()).isEqualTo("公文传输系统");
            assertThat(c.viewsLabel()).isNull();
            assertThat(c.joinPrevious()).isNull();
        });
        assertThat(saved.shows("period")).isFalse();
        assertThat(saved.shows("proactive")).isTrue();
        assertThat(registry.reportTemplate("uni-a")).contains(saved);
        assertThatThrownBy(() -> registrar.saveReportTemplate("uni-a", draft, sections, "writer"))
                .isInstanceOfSatisfying(StaleVersion.class, stale -> assertThat(stale.current()).isEqualTo(1));

        Map<String, Boolean> badSections = new LinkedHashMap<>();
        badSections.put("summary", true);
        badSections.put("proactive", null);
        ReportTemplate bad = new ReportTemplate(null, 1, null, "学年制", null, List.of(docs, docs,
                new ReportTemplate.ChannelWording("tiktok", null, null, null, null, null, null, null, null, null, null, null, null, null),
                new ReportTemplate.ChannelWording("weibo", "微\u0007博", null, null, null, null, null, null, null, null, null, null, "来", null)),
                badSections, null, null);
        assertThat(refusal(() -> registrar.saveReportTemplate("uni-a", bad, sections, "writer"))).containsExactly(
                "academicYearLabel must be one of [学年, 学年度]",
                "channels[1].channel channel doc-transfer is listed twice",
                "channels[2].channel must be one of the org's channels " + Channel.DEFAULTS.stream().map(Channel::id).toList(),
                "channels[3].viewsRoundWith must be one of [余, 多]",
                "channels[3].label must not contain control characters",
                "sections.summary is no section of the report; its sections: " + sections,
                "sections.proactive must be true or false");
        assertThat(registry.reportTemplate("uni-a").orElseThrow().version()).isEqualTo(1);
    }

    private static List<String> refusal(Runnable change) {
        try {
            change.run();
        } catch (Refused refused) {
            return refused.fields().stream().map(f -> f.name() + " " + f.reason()).toList();
        }
        throw new AssertionError("not refused");
    }
}
