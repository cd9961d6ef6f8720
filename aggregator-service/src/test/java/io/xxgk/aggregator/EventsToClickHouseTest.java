package io.xxgk.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clickhouse.client.api.Client;
import io.xxgk.contract.Topics;
import io.xxgk.registry.Org;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.store.events.EventsTable;
import io.xxgk.store.events.StoredEvent;
import io.xxgk.store.report.PeriodFigures;
import io.xxgk.store.report.ReportPeriod;
import io.xxgk.store.report.StatsQueries;
import io.xxgk.testing.Promtool;
import io.xxgk.testing.RealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Records on a real topic end up in a real ClickHouse, each distinct event exactly once, on its org's local day. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventsToClickHouseTest {

    private static final String TOPIC = RealServers.uniqueName("events");
    private static final String DEAD_LETTERS = RealServers.uniqueName("dead");
    private static final String REGISTRY = RealServers.uniqueName("registry");
    private static final String DATABASE = RealServers.uniqueName("agg");
    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("xxgk.aggregator.topic", () -> TOPIC);
        registry.add("xxgk.aggregator.dead-letter-topic", () -> DEAD_LETTERS);
        registry.add("xxgk.registry.topic", () -> REGISTRY);
        registry.add("xxgk.clickhouse.database", () -> DATABASE);
        registry.add("spring.kafka.consumer.group-id", () -> RealServers.uniqueName("group"));
    }

    @BeforeAll
    static void topicsAndOrgs() throws Exception {
        String bootstrap = RealServers.get().kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        try (RegistryWriter writer = new RegistryWriter(bootstrap, REGISTRY)) {
            writer.put(Org.withDefaultChannels("org-sh", "上海时区大学"));
            writer.put(new Org("org-utc", "UTC University", "UTC", Org.withDefaultChannels("x", "x").channels()));
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Autowired
    Client clickHouse;

    @Autowired
    EventsTable events;

    @Test
    void everyDistinctEventIsStoredOnceHoweverOftenItComes() throws Exception {
        send("org-sh", viewed("d-1", 3));
        send("org-sh", viewed("d-2", 5));
        send("org-sh", viewed("d-1", 3));
        awaitRows("org-sh", "d-", 2);

        send("org-sh", viewed("d-1", 3));
        send("org-sh", viewed("d-3", 7));
        awaitRows("org-sh", "d-", 3);

        // rows as stored, before merges: duplicates are dropped before they are written, not merged away later
        assertThat(rows("org-sh", "d-")).hasSize(3).extracting(StoredEvent::views).containsExactly(3L, 5L, 7L);
    }

    @Test
    void theDayIsTheOrgsLocalDay() throws Exception {
        String newYearsEveInUtc = "2024-12-31T16:30:00Z";
        send("org-sh", event("tz-1", "xxgk.item.published", newYearsEveInUtc, "{\"channel\":\"website\",\"itemId\":\"n1\",\"category\":6}"));
        send("org-utc", event("tz-1", "xxgk.item.published", newYearsEveInUtc, "{\"channel\":\"website\",\"itemId\":\"n1\",\"category\":6}"));

        awaitRows("org-sh", "tz-", 1);
        awaitRows("org-utc", "tz-", 1);
        assertThat(rows("org-sh", "tz-1").getFirst().day()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(rows("org-utc", "tz-1").getFirst().day()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void eachTypeFillsItsColumns() throws Exception {
        send("org-sh", event("c-1", "xxgk.item.published", "2024-03-01T09:00:00+08:00",
                "{\"channel\":\"wechat\",\"itemId\":\"w1\",\"title\":\"开学典礼\",\"category\":49,\"department\":\"党委宣传部\",\"original\":true}"));
        send("org-sh", event("c-2", "xxgk.item.stats", "2024-03-02T09:00:00+08:00", "{\"channel\":\"weibo\",\"itemId\":\"b1\",\"totalViews\":900}"));
        send("org-sh", event("c-3", "xxgk.issue.released", "2024-03-03T09:00:00+08:00", "{\"channel\":\"newspaper\",\"issueNumber\":336,\"pages\":4}"));
        send("org-sh", event("c-4", "xxgk.complaint.received", "2024-03-04T09:00:00+08:00", "{\"complaintId\":\"j1\",\"kind\":\"review\"}"));
        send("org-sh", event("c-5", "xxgk.service.contact", "2024-03-05T09:00:00+08:00", "{\"kind\":\"call\",\"count\":402}"));
        send("org-sh", event("c-6", "xxgk.request.declined", "2024-03-06T09:00:00+08:00", "{\"requestId\":\"q1\",\"reason\":\"信息不存在\"}"));

        awaitRows("org-sh", "c-", 6);
        List<StoredEvent> rows = rows("org-sh", "c-");
        assertThat(rows.get(0).department()).isEqualTo("党委宣传部");
        assertThat(rows.get(0).title()).isEqualTo("开学典礼");
        assertThat(rows.get(0).category()).isEqualTo(49);
        assertThat(rows.get(0).original()).isTrue();
        assertThat(rows.get(1).totalViews()).isEqualTo(900);
        assertThat(rows.get(2).issueNumber()).isEqualTo(336);
        assertThat(rows.get(2).pages()).isEqualTo(4);
        assertThat(rows.get(3).kind()).isEqualTo("review");
        assertThat(rows.get(3).ref()).isEqualTo("j1");
        assertThat(rows.get(4).count()).isEqualTo(402);
        assertThat(rows.get(5).reason()).isEqualTo("信息不存在");
        assertThat(rows.get(5).ref()).isEqualTo("q1");
    }

    @Test
    void unreadableEventsGoToTheDeadLetterTopicWithTheReasonAndDoNotStopTheRest() throws Exception {
        send("org-sh", "this is not a cloud event".getBytes(StandardCharsets.UTF_8));
        send("org-sh", viewed("p-1", 1));

        awaitRows("org-sh", "p-", 1);
        ConsumerRecord<String, byte[]> dead = deadLetter("this is not a cloud event");
        assertThat(new String(dead.headers().lastHeader("xxgk-dead-letter-reason").value(), StandardCharsets.UTF_8)).isNotBlank();
        assertThat(new String(dead.headers().lastHeader("xxgk-dead-letter-origin").value(), StandardCharsets.UTF_8)).startsWith(TOPIC + "-");
    }

    @Test
    void eventsClickHouseRefusesToStoreGoToTheDeadLetterTopicAndTheRestOfTheBatchIsStored() throws Exception {
        // a schema that no longer takes what the contract accepts (a constraint here)
        clickHouse.query("ALTER TABLE events ADD CONSTRAINT no_poison CHECK item != 'poison'").get().close();
        try {
            for (int i = 0; i < 20; i++) {
                String item = i == 7 ? "poison" : "fine";
                send("org-sh", event("s-" + i, "xxgk.item.viewed", "2024-03-01T09:00:00+08:00",
                        "{\"channel\":\"wechat\",\"itemId\":\"" + item + "\",\"views\":1}"));
            }
            awaitRows("org-sh", "s-", 19);
            ConsumerRecord<String, byte[]> dead = deadLetter("\"id\":\"s-7\"");
            assertThat(new String(dead.headers().lastHeader("xxgk-dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("ClickHouse refused it", "no_poison");
        } finally {
            clickHouse.query("ALTER TABLE events DROP CONSTRAINT no_poison").get().close();
        }
    }

    @Test
    void batchesOfThousandsAreStoredWhole() throws Exception {
        for (int i = 0; i < 6000; i++) {
            send("org-sh", viewed("big-" + i, 1), false);
        }
        producer.flush();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rows("org-sh", "big-")).hasSize(6000));
    }

    @Test
    void metricsNameWhatAnOperatorWatchesAndArePromtoolClean() throws Exception {
        send("org-sh", viewed("m-1", 1));
        send("org-sh", viewed("m-1", 1));
        awaitRows("org-sh", "m-", 1);

        String metrics = await().atMost(Duration.ofSeconds(10)).until(() -> http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body(),
                body -> body.contains("xxgk_aggregator_events_duplicate_total") && body.contains("kafka_consumer_fetch_manager_records_lag_max"));

        assertThat(metrics).contains("xxgk_aggregator_rows_written_total", "xxgk_aggregator_batch_seconds",
                "xxgk_aggregator_freshness_seconds", "xxgk_aggregator_events_dead_lettered_total");
        assertThat(Promtool.check(metrics)).as("promtool check metrics").isEmpty();
    }

    @Test
    void theRepairEndpointRebuildsAYearsRollupsFromTheStoredEvents() throws Exception {
        send("org-repair", event("r-1", "xxgk.item.viewed", "2023-05-01T09:00:00+08:00", "{\"channel\":\"wechat\",\"itemId\":\"a\",\"views\":4}"));
        send("org-repair", event("r-2", "xxgk.service.contact", "2023-05-02T09:00:00+08:00", "{\"kind\":\"visit\",\"count\":3}"));
        awaitRows("org-repair", "r-", 2);
        StatsQueries stats = new StatsQueries(clickHouse);
        assertThat(stats.figures("org-repair", ReportPeriod.year(2023)).totals().views()).isEqualTo(4);

        // what two consumers storing the same batch at the same moment would leave behind
        events.insert(rows("org-repair", "r-"));
        assertThat(stats.figures("org-repair", ReportPeriod.year(2023)).totals().views()).isEqualTo(8);

        HttpResponse<String> repaired = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/rollups"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"year\":2023}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(repaired.statusCode()).as(repaired.body()).isEqualTo(200);
        PeriodFigures figures = stats.figures("org-repair", ReportPeriod.year(2023));
        assertThat(figures.totals().views()).isEqualTo(4);
        assertThat(figures.service().visit()).isEqualTo(3);
        send("org-repair", event("r-3", "xxgk.item.viewed", "2023-05-03T09:00:00+08:00", "{\"channel\":\"wechat\",\"itemId\":\"a\",\"views\":1}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stats.figures("org-repair", ReportPeriod.year(2023))
                .totals().views()).as("consuming again after the repair").isEqualTo(5));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The rows stored (copies included) of the org's events whose id starts so, in id order. */
    private List<StoredEvent> rows(String org, String idPrefix) {
        return events.rows(org, "/test").stream().filter(e -> e.id().startsWith(idPrefix)).toList();
    }

    private void awaitRows(String org, String idPrefix, long expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows(org, idPrefix)).hasSize((int) expected));
    }

    private static void send(String org, byte[] value) throws Exception {
        send(org, value, true);
    }

    /** As ingest writes it: a structured-mode CloudEvent, keyed by identity, with the org header. */
    private static void send(String org, byte[] value, boolean wait) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, org + "//test/" + new String(value, StandardCharsets.UTF_8).hashCode(), value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.ORG_HEADER, org.getBytes(StandardCharsets.UTF_8));
        var sent = producer.send(record);
        if (wait) {
            sent.get();
        }
    }

    /** The dead letter whose value contains {@code text}. */
    private static ConsumerRecord<String, byte[]> deadLetter(String text) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, RealServers.uniqueName("dlq"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains(text)) {
                        return r;
                    }
                }
                return null;
            }, r -> r != null);
        }
    }

    private static byte[] viewed(String id, int views) {
        return event(id, "xxgk.item.viewed", "2024-03-01T09:00:00+08:00", "{\"channel\":\"wechat\",\"itemId\":\"item-1\",\"views\":" + views + "}");
    }

    private static byte[] event(String id, String type, String time, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"%s","time":"%s","data":%s}"""
                .formatted(id, type, time, data).getBytes(StandardCharsets.UTF_8);
    }
}
