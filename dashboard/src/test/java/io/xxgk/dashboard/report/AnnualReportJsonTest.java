package io.xxgk.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.registry.ChannelKind;
import io.xxgk.store.report.PeriodFigures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The report's JSON keeps the contract's shape while it carries the store's records: flat channel lines, id and name first. */
class AnnualReportJsonTest {

    @Test
    void aChannelLineIsFlatWithItsIdAndNameFirst() {
        AnnualReport.ChannelLine line = new AnnualReport.ChannelLine("微信公众号",
                new PeriodFigures.ChannelFigures("wechat", 372, 256, 10, 5, 78_123, 0, 0, 0, LocalDate.of(2024, 12, 30), false),
                List.of(new AnnualReport.CategoryItems(1, 300), new AnnualReport.CategoryItems(6, 72)), ChannelKind.SOCIAL);

        String json = JsonMapper.builder().build().writeValueAsString(line);

        assertThat(json).isEqualTo("{\"channel\":\"wechat\",\"name\":\"微信公众号\",\"items\":372,\"originalItems\":256,\"views\":10,"
                + "\"readers\":5,\"followers\":78123,\"issues\":0,\"lastIssueNumber\":0,\"pages\":0,\"followersAsOf\":\"2024-12-30\",\"followersStale\":false,"
                + "\"categories\":[{\"number\":1,\"items\":300},{\"number\":6,\"items\":72}],\"kind\":\"social\"}");
        assertThat(List.of(line.channel(), line.figures().channel())).containsOnly("wechat");
    }
}
