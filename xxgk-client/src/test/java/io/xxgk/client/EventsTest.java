package io.xxgk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xxgk.contract.EventData;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class EventsTest {

    private static final OffsetDateTime TIME = OffsetDateTime.parse("2024-03-01T09:00:00+08:00");

    @Test
    void aPublishedItemHasItsFieldsAndTheContractsShape() {
        Event event = Events.itemPublished("website", "news-1").title("2024年度报告").category(6).department("党政办公室")
                .original(true).url("https://www.example.edu.cn/1.html").source("/cms/www").at(TIME).build();

        assertThat(event.type()).isEqualTo("xxgk.item.published");
        assertThat(event.subject()).isEqualTo("news-1");
        assertThat(event.toJson().toString()).contains("\"specversion\":\"1.0\"", "\"category\":6", "\"original\":true",
                "\"time\":\"2024-03-01T09:00+08:00\"");
    }

    @Test
    void idsComeFromTheSourceRecordSoARerunSendsTheSameIds() {
        Event first = Events.itemViewed("wechat", "a1", 30).readers(20).recordKey("datacube", "a1", "2024-03-01").at(TIME).build();
        Event again = Events.itemViewed("wechat", "a1", 30).readers(20).recordKey("datacube", "a1", "2024-03-01").at(TIME).build();
        Event nextDay = Events.itemViewed("wechat", "a1", 30).readers(20).recordKey("datacube", "a1", "2024-03-02").at(TIME).build();

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(nextDay.id()).isNotEqualTo(first.id());
    }

    @Test
    void withoutARecordKeyTheIdFollowsTheWholeContent() {
        Event a = Events.channelFollowers("wechat", 78000).at(TIME).build();

        assertThat(Events.channelFollowers("wechat", 78000).at(TIME).build().id()).isEqualTo(a.id());
        assertThat(Events.channelFollowers("wechat", 78001).at(TIME).build().id()).isNotEqualTo(a.id());
        assertThat(Events.channelFollowers("wechat", 78000).at(TIME.plusDays(1)).build().id()).isNotEqualTo(a.id());
    }

    @Test
    void everyTypeBuilds() {
        assertThat(Events.itemRetracted("website", "n").at(TIME).build().type()).isEqualTo("xxgk.item.retracted");
        assertThat(Events.itemStats("weibo", "w", 1200).totalReaders(300).at(TIME).build().type()).isEqualTo("xxgk.item.stats");
        assertThat(Events.issueReleased("newspaper", 336).pages(4).items(40).at(TIME).build().type()).isEqualTo("xxgk.issue.released");
        assertThat(Events.request(EventData.RequestStage.DECLINED, "r1").reason("不属于本校信息").at(TIME).build().type())
                .isEqualTo("xxgk.request.declined");
        assertThat(Events.complaint(EventData.ComplaintKind.LAWSUIT, "c1").at(TIME).build().toJson().toString()).contains("\"kind\":\"lawsuit\"");
        assertThat(Events.serviceContact(EventData.ContactKind.CALL, 3).channel("hotline").at(TIME).build().type())
                .isEqualTo("xxgk.service.contact");
    }

    @Test
    void aBadFieldFailsBeforeAnythingIsSentNamingTheField() {
        assertThatThrownBy(() -> Events.itemPublished("website", "n").category(51).at(TIME).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data.category");
        assertThatThrownBy(() -> Events.itemViewed("website", "n", 0).at(TIME).build()).hasMessageContaining("data.views");
        assertThatThrownBy(() -> Events.itemPublished("website", "n").build()).hasMessageContaining("time is required");
        assertThatThrownBy(() -> Events.itemPublished("website", "n").at(OffsetDateTime.now().plusDays(3)).build())
                .hasMessageContaining("future");
    }
}
