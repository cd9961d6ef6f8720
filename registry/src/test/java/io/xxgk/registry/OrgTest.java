package io.xxgk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrgTest {

    @Test
    void everyNewOrgHasTheDefaultChannels() {
        Org org = Org.withDefaultChannels("demo", "示例大学");

        assertThat(org.channels()).extracting(Channel::id).containsExactly("website", "wechat", "wechat-video", "weibo", "douyin",
                "newspaper", "screen", "oa", "egov", "doc-transfer", "procurement", "hotline");
        assertThat(org.channel("newspaper")).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("校报校刊"));
    }

    @Test
    void addingAChannelOfAKnownIdRenamesIt() {
        Org org = Org.withDefaultChannels("demo", "示例大学").withChannel(new Channel("website", "学校主页", ChannelKind.WEBSITE));

        assertThat(org.channels()).filteredOn(c -> c.id().equals("website")).extracting(Channel::name).containsExactly("学校主页");
        assertThat(org.channels()).hasSize(Channel.DEFAULTS.size());
    }

    @Test
    void idsAndTimeZonesAreChecked() {
        assertThatThrownBy(() -> new Org("Demo Uni", "x", "Asia/Shanghai", List.of())).hasMessageContaining("org id");
        assertThatThrownBy(() -> new Org("demo", "x", "Mars/Olympus", List.of())).isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> new Channel("Web Site", "x", ChannelKind.WEBSITE)).hasMessageContaining("channel id");
    }
}
