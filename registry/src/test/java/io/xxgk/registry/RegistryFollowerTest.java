package io.xxgk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.xxgk.testing.RealServers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry round trip through a real broker: written, read from the start, followed live. */
class RegistryFollowerTest {

    private final String bootstrap = RealServers.get().kafkaBootstrap();

    @Test
    void aFollowerReadsWhatWasWrittenBeforeItAndFollowsWhatComesAfter() throws Exception {
        String topic = RealServers.uniqueName("registry");
        ApiToken.Issued token = ApiToken.issue("uni-a", Set.of("website"), "cms", Instant.now());
        try (RegistryWriter writer = new RegistryWriter(bootstrap, topic)) {
            writer.put(Org.withDefaultChannels("uni-a", "甲大学"));
            writer.put(token.token());

            try (RegistryFollower follower = new RegistryFollower(bootstrap, topic)) {
                assertThat(follower.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
                Registry registry = follower.registry();
                assertThat(registry.org("uni-a")).hasValueSatisfying(org -> {
                    assertThat(org.name()).isEqualTo("甲大学");
                    assertThat(org.zone().getId()).isEqualTo("Asia/Shanghai");
                    assertThat(org.channels()).hasSize(Channel.DEFAULTS.size());
                });
                assertThat(registry.token(token.token().id())).hasValueSatisfying(t -> assertThat(t.matches(token.bearer())).isTrue());

                writer.put(token.token().revoked(Instant.now()));
                writer.put(registry.org("uni-a").orElseThrow().withChannel(new Channel("law-school", "法学院网站", ChannelKind.WEBSITE)));

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(registry.token(token.token().id()).orElseThrow().matches(token.bearer())).isFalse();
                    assertThat(registry.org("uni-a").orElseThrow().channel("law-school")).isPresent();
                });
            }
        }
    }

    @Test
    void dashboardUsersAndChecklistEditionsTravelTheSameWay() throws Exception {
        String topic = RealServers.uniqueName("registry");
        String hash = "$2a$10$abcdefghijklmnopqrstuuCqGGd2Nh1Nv8Jw3K5k6Ey3bQ3vOFxLC";
        DashboardUser writer = new DashboardUser("li.wei", hash, DashboardUser.Role.WRITER, "uni-a", true, Instant.EPOCH);
        OrgChecklist checklist = new OrgChecklist("uni-a", 1,
                List.of(new OrgChecklist.Item(6, null, "党政办公室", "https://xxgk.example.edu.cn/ndbg")), "admin", Instant.EPOCH);
        try (RegistryWriter registryWriter = new RegistryWriter(bootstrap, topic)) {
            registryWriter.put(writer);
            registryWriter.put(checklist);
            try (RegistryFollower follower = new RegistryFollower(bootstrap, topic)) {
                assertThat(follower.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
                assertThat(follower.registry().user("li.wei")).contains(writer);
                assertThat(follower.registry().checklist("uni-a")).contains(checklist);
                assertThat(follower.registry().checklist("uni-b")).isEmpty();
            }
        }
    }

    @Test
    void aNewTopicIsCreatedAndAnEmptyRegistryIsCaughtUpAtOnce() throws Exception {
        try (RegistryFollower follower = new RegistryFollower(bootstrap, RealServers.uniqueName("registry"))) {
            assertThat(follower.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
            assertThat(follower.registry().orgs()).isEmpty();
        }
    }
}
