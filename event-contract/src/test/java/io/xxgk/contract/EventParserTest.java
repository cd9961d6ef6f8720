package io.xxgk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xxgk.contract.EventData.ComplaintKind;
import io.xxgk.contract.EventData.ContactKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventParserTest {

    private final EventParser parser = new EventParser(Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC));

    static ObjectNode event(String type, String data) throws Exception {
        return (ObjectNode) EventParser.MAPPER.readTree("""
                {"specversion":"1.0","id":"e-1","source":"/cms/main","type":"%s","time":"2024-03-01T09:00:00+08:00",
                 "data":%s}""".formatted(type, data));
    }

    static Stream<Arguments> validEvents() {
        return Stream.of(
                Arguments.of("xxgk.item.published", """
                        {"channel":"website","itemId":"a1","title":"年度报告","category":6,"department":"党政办公室","original":true,"url":"https://xxgk.example.edu.cn/a1"}""",
                        new EventData.ItemPublished("website", "a1", "年度报告", 6, "党政办公室", true, "https://xxgk.example.edu.cn/a1")),
                Arguments.of("xxgk.item.published", "{\"channel\":\"wechat\",\"itemId\":\"a2\"}",
                        new EventData.ItemPublished("wechat", "a2", null, null, null, false, null)),
                Arguments.of("xxgk.item.retracted", "{\"channel\":\"website\",\"itemId\":\"a1\"}",
                        new EventData.ItemRetracted("website", "a1")),
                Arguments.of("xxgk.item.viewed", "{\"channel\":\"website\",\"itemId\":\"a1\"}",
                        new EventData.ItemViewed("website", "a1", 1, null)),
                Arguments.of("xxgk.item.viewed", "{\"channel\":\"wechat\",\"itemId\":\"a1\",\"views\":120,\"readers\":80}",
                        new EventData.ItemViewed("wechat", "a1", 120, 80L)),
                Arguments.of("xxgk.item.stats", "{\"channel\":\"weibo\",\"itemId\":\"w1\",\"totalViews\":0}",
                        new EventData.ItemStats("weibo", "w1", 0, null)),
                Arguments.of("xxgk.channel.followers", "{\"channel\":\"wechat\",\"followers\":78000}",
                        new EventData.ChannelFollowers("wechat", 78000)),
                Arguments.of("xxgk.issue.released", "{\"channel\":\"newspaper\",\"issueNumber\":336,\"pages\":4,\"items\":30}",
                        new EventData.IssueReleased("newspaper", 336, 4, 30)),
                Arguments.of("xxgk.request.declined", "{\"requestId\":\"r-9\",\"reason\":\"不属于本机关公开职责\"}",
                        new EventData.RequestEvent(EventData.RequestStage.DECLINED, "r-9", "不属于本机关公开职责", java.util.Optional.empty())),
                Arguments.of("xxgk.complaint.received", "{\"complaintId\":\"c-1\",\"kind\":\"review\"}",
                        new EventData.ComplaintReceived("c-1", ComplaintKind.REVIEW, java.util.Optional.empty())),
                Arguments.of("xxgk.service.contact", "{\"kind\":\"call\",\"count\":402,\"channel\":\"hotline\"}",
                        new EventData.ServiceContact(ContactKind.CALL, 402, java.util.Optional.of("hotline"))),
                Arguments.of("xxgk.service.contact", "{\"kind\":\"HANDLED\"}",
                        new EventData.ServiceContact(ContactKind.HANDLED, 1, java.util.Optional.empty())));
    }

    @ParameterizedTest
    @MethodSource("validEvents")
    void readsEveryTypeIntoItsRecord(String type, String data, EventData expected) throws Exception {
        EventParser.Result result = parser.parseStructured(event(type, data));

        assertThat(result).isInstanceOfSatisfying(EventParser.Valid.class, valid -> {
            assertThat(valid.data()).isEqualTo(expected);
            assertThat(valid.type().type()).isEqualTo(type);
            assertThat(valid.event().getId()).isEqualTo("e-1");
        });
    }

    static Stream<Arguments> invalidData() {
        return Stream.of(
                Arguments.of("xxgk.item.published", "{\"itemId\":\"a1\"}", "data.channel", "is required"),
                Arguments.of("xxgk.item.published", "{\"channel\":\"website\"}", "data.itemId", "is required"),
                Arguments.of("xxgk.item.published", "{\"channel\":\"website\",\"itemId\":\"a1\",\"category\":51}", "data.category", "from 1 to 50"),
                Arguments.of("xxgk.item.published", "{\"channel\":\"website\",\"itemId\":\"a1\",\"category\":0}", "data.category", "from 1 to 50"),
                Arguments.of("xxgk.item.published", "{\"channel\":\"website\",\"itemId\":\"a1\",\"category\":\"6\"}", "data.category", "whole number"),
                Arguments.of("xxgk.item.published", "{\"channel\":\"website\",\"itemId\":\"a1\",\"original\":\"yes\"}", "data.original", "true or false"),
                Arguments.of("xxgk.item.published", "{\"channel\":\"website\",\"itemId\":\"a1\",\"url\":\"javascript:alert(1)\"}", "data.url", "http(s) URL"),
                Arguments.of("xxgk.item.published", "{\"channel\":\"website\",\"itemId\":\"   \"}", "data.itemId", "blank"),
                Arguments.of("xxgk.item.published", "{\"channel\":42,\"itemId\":\"a1\"}", "data.channel", "must be a string"),
                Arguments.of("xxgk.item.published", "{\"channel\":\"website\",\"itemId\":\"a\\u0000b\"}", "data.itemId", "control characters"),
                Arguments.of("xxgk.item.published", "{\"channel\":\"website\",\"itemId\":\"a\",\"title\":\"x\\ny\"}", "data.title", "control characters"),
                Arguments.of("xxgk.item.published", "{\"channel\":\"website\",\"itemId\":\"" + "x".repeat(257) + "\"}", "data.itemId", "at most 256"),
                Arguments.of("xxgk.item.viewed", "{\"channel\":\"website\",\"itemId\":\"a1\",\"views\":0}", "data.views", "from 1"),
                Arguments.of("xxgk.item.viewed", "{\"channel\":\"website\",\"itemId\":\"a1\",\"views\":1.5}", "data.views", "whole number"),
                Arguments.of("xxgk.item.viewed", "{\"channel\":\"website\",\"itemId\":\"a1\",\"views\":-3}", "data.views", "whole number"),
                Arguments.of("xxgk.item.viewed", "{\"channel\":\"website\",\"itemId\":\"a1\",\"views\":1e30}", "data.views", "whole number"),
                Arguments.of("xxgk.item.viewed", "{\"channel\":\"website\",\"itemId\":\"a1\",\"readers\":-1}", "data.readers", "from 0"),
                Arguments.of("xxgk.item.stats", "{\"channel\":\"weibo\",\"itemId\":\"w1\"}", "data.totalViews", "is required"),
                Arguments.of("xxgk.channel.followers", "{\"channel\":\"wechat\"}", "data.followers", "is required"),
                Arguments.of("xxgk.issue.released", "{\"channel\":\"newspaper\",\"issueNumber\":0}", "data.issueNumber", "from 1"),
                Arguments.of("xxgk.issue.released", "{\"channel\":\"newspaper\",\"issueNumber\":3,\"pages\":0}", "data.pages", "from 1"),
                Arguments.of("xxgk.request.received", "{}", "data.requestId", "is required"),
                Arguments.of("xxgk.complaint.received", "{\"complaintId\":\"c\",\"kind\":\"appeal\"}", "data.kind", "[report, review, lawsuit]"),
                Arguments.of("xxgk.complaint.received", "{\"complaintId\":\"c\"}", "data.kind", "is required"),
                Arguments.of("xxgk.service.contact", "{\"kind\":\"call\",\"count\":0}", "data.count", "from 1"),
                Arguments.of("xxgk.service.contact", "{\"kind\":\"fax\"}", "data.kind", "[call, visit, online, handled]"),
                Arguments.of("xxgk.item.viewed", "[1,2]", "data", "JSON object"),
                Arguments.of("xxgk.item.viewed", "\"text\"", "data", "JSON object"));
    }

    @ParameterizedTest
    @MethodSource("invalidData")
    void namesTheFieldAndWhatIsWrong(String type, String data, String field, String reason) throws Exception {
        EventParser.Result result = parser.parseStructured(event(type, data));

        assertThat(result).isInstanceOfSatisfying(EventParser.Invalid.class, invalid -> {
            assertThat(invalid.id()).isEqualTo("e-1");
            assertThat(invalid.violations()).anySatisfy(v -> {
                assertThat(v.field()).isEqualTo(field);
                assertThat(v.reason()).contains(reason);
            });
        });
    }

    static Stream<Arguments> invalidAttributes() {
        return Stream.of(
                Arguments.of("id", null, "id", "is required"),
                Arguments.of("id", "", "id", "is required"),
                Arguments.of("id", 7, "id", "must be a string"),
                Arguments.of("id", "a\tb", "id", "control characters"),
                Arguments.of("source", null, "source", "is required"),
                Arguments.of("type", null, "type", "is required"),
                Arguments.of("type", "xxgk.item.liked", "type", "unknown type"),
                Arguments.of("specversion", "0.3", "specversion", "1.0"),
                Arguments.of("specversion", null, "specversion", "is required"),
                Arguments.of("time", null, "time", "is required"),
                Arguments.of("time", "2024-03-01T09:00:00", "time", "with an offset"),
                Arguments.of("time", "2024-03-01", "time", "with an offset"),
                Arguments.of("time", "yesterday", "time", "with an offset"),
                Arguments.of("time", "2024-06-02T01:00:01Z", "time", "more than a day in the future"),
                Arguments.of("time", "1999-12-31T00:00:00+08:00", "time", "before 2000"),
                Arguments.of("subject", "b2", "subject", "must equal data.itemId"),
                Arguments.of("subject", "s".repeat(300), "subject", "at most 256"),
                Arguments.of("datacontenttype", "text/plain", "datacontenttype", "application/json"),
                Arguments.of("data", null, "data", "is required"));
    }

    @ParameterizedTest
    @MethodSource("invalidAttributes")
    void checksTheAttributes(String attribute, Object value, String field, String reason) throws Exception {
        ObjectNode event = event("xxgk.item.viewed", "{\"channel\":\"website\",\"itemId\":\"a1\"}");
        if (value == null) {
            event.remove(attribute);
        } else {
            event.set(attribute, EventParser.MAPPER.valueToTree(value));
        }

        EventParser.Result result = parser.parseStructured(event);

        assertThat(result).isInstanceOfSatisfying(EventParser.Invalid.class, invalid ->
                assertThat(invalid.violations()).anySatisfy(v -> {
                    assertThat(v.field()).isEqualTo(field);
                    assertThat(v.reason()).contains(reason);
                }));
    }

    @Test
    void reportsEveryViolationAtOnce() throws Exception {
        ObjectNode event = event("xxgk.item.published", "{\"category\":99}");
        event.remove("source");

        EventParser.Result result = parser.parseStructured(event);

        assertThat(result).isInstanceOfSatisfying(EventParser.Invalid.class, invalid ->
                assertThat(invalid.violations()).extracting(Violation::field).containsExactly("source"));
        event.put("source", "/cms");
        assertThat(parser.parseStructured(event)).isInstanceOfSatisfying(EventParser.Invalid.class, invalid ->
                assertThat(invalid.violations()).extracting(Violation::field)
                        .containsExactlyInAnyOrder("data.channel", "data.itemId", "data.category"));
    }

    @Test
    void aSubjectEqualToTheItemAndAUtcTimeAreFine() throws Exception {
        ObjectNode event = event("xxgk.item.viewed", "{\"channel\":\"website\",\"itemId\":\"a1\"}");
        event.put("subject", "a1");
        event.put("time", "2024-03-01T01:00:00Z");

        assertThat(parser.parseStructured(event)).isInstanceOf(EventParser.Valid.class);
    }

    @Test
    void aNonObjectIsNotAnEvent() throws Exception {
        assertThat(parser.parseStructured(EventParser.MAPPER.readTree("[1]")))
                .isInstanceOfSatisfying(EventParser.Invalid.class, invalid ->
                        assertThat(invalid.violations()).containsExactly(new Violation("(event)", "must be a JSON object")));
    }
}
