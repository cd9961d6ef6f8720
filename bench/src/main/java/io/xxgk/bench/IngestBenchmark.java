package io.xxgk.bench;

import io.xxgk.registry.ApiToken;
import io.xxgk.registry.Channel;
import io.xxgk.registry.Org;
import io.xxgk.registry.RegistryTopic;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.stack.Stack;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackHome;
import io.xxgk.stack.StackKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * {@code ./xxgk bench ingest}: on one fresh broker, (a) Kafka's ProducerPerformance with records of
 * the events' size and the ingest service's producer settings, then (b) the ingest API under
 * concurrent batches of 100 and 1000 events; b/a is the figure.
 */
final class IngestBenchmark {

    /** The producer settings ingest uses (application.yaml), so the baseline differs only by what ingest adds. */
    static final List<String> PRODUCER_PROPS = List.of("acks=all", "enable.idempotence=true", "linger.ms=2",
            "compression.type=lz4", "key.serializer=org.apache.kafka.common.serialization.ByteArraySerializer");

    /** Partitioned like the events topic (ingest's default), so both runs write to the same shape. */
    private static final String BASELINE_TOPIC = "bench.producer-perf";
    private static final int PARTITIONS = 6;

    record Options(Duration warmUp, Duration measured, int connections, long producerRecords) {
    }

    private final Path repo;
    private final Options options;

    IngestBenchmark(Path repo, Options options) {
        this.repo = repo;
        this.options = options;
    }

    void run() throws Exception {
        Machine machine = Machine.here();
        System.out.println("machine: " + machine);
        Path state = repo.resolve(".local/bench/ingest");
        StackHome home = StackHome.of(repo, state);
        home.deleteState();
        Stack stack = Stack.full(home).only(Set.of("kafka", "ingest"));
        AtomicReference<String> token = new AtomicReference<>();
        try {
            StackEnv env = stack.up(System.out, servers -> token.set(register(servers.get(StackKeys.KAFKA_BOOTSTRAP))));
            String bootstrap = env.get(StackKeys.KAFKA_BOOTSTRAP);
            long ingestPid = stack.process("ingest").orElseThrow().pid();

            List<String> events = events(1000 * 64);
            Path payloads = state.resolve("payloads.txt");
            Files.write(payloads, events.subList(0, 10_000));
            double averageBytes = events.stream().mapToInt(e -> e.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
            System.out.printf("records: structured CloudEvents of %.0f bytes on average%n", averageBytes);

            System.out.println("(a) Kafka ProducerPerformance, " + options.producerRecords() + " records, " + String.join(" ", PRODUCER_PROPS));
            createTopic(bootstrap, BASELINE_TOPIC);
            ProducerPerf.Result baseline = ProducerPerf.run(repo, bootstrap, BASELINE_TOPIC, payloads,
                    options.producerRecords(), PRODUCER_PROPS);
            System.out.println("    " + baseline.summary());

            URI endpoint = URI.create(env.get(StackKeys.INGEST_URL) + "/v1/events");
            List<LoadGenerator.Result> results = new ArrayList<>();
            for (int batchSize : List.of(100, 1000)) {
                List<byte[]> bodies = batches(events, batchSize);
                System.out.printf("(b) ingest API, batches of %d, %d connections, %d s warm-up, %d s measured%n",
                        batchSize, options.connections(), options.warmUp().toSeconds(), options.measured().toSeconds());
                LoadGenerator.Result result = LoadGenerator.run(endpoint, token.get(), bodies, batchSize, options.connections(),
                        options.warmUp(), options.measured());
                long[] rss = Machine.rssMiB(ingestPid);
                System.out.printf("    %,.0f events/s accepted (%,d requests, %d failed); ingest RSS %d MiB, peak %d MiB%n",
                        result.eventsPerSecond(), result.requests(), result.failures(), rss[0], rss[1]);
                results.add(result);
            }
            LoadGenerator.Result best = results.stream().max(java.util.Comparator.comparingDouble(LoadGenerator.Result::eventsPerSecond)).orElseThrow();
            long[] rss = Machine.rssMiB(ingestPid);
            System.out.printf("ingest_ratio=%.3f ingest_eps=%.0f producer_perf_eps=%.0f ingest_eps_batch100=%.0f ingest_eps_batch1000=%.0f ingest_rss_peak_mib=%d%n",
                    best.eventsPerSecond() / baseline.recordsPerSecond(), best.eventsPerSecond(), baseline.recordsPerSecond(),
                    results.get(0).eventsPerSecond(), results.get(1).eventsPerSecond(), rss[1]);
        } finally {
            stack.down(System.out);
        }
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
    }

    private static String register(String bootstrap) {
        try (RegistryWriter writer = new RegistryWriter(bootstrap, RegistryTopic.DEFAULT_NAME)) {
            writer.put(Org.withDefaultChannels("bench", "压测大学"));
            ApiToken.Issued issued = ApiToken.issue("bench", Channel.DEFAULTS.stream().map(Channel::id).collect(Collectors.toSet()),
                    "bench", Instant.now());
            writer.put(issued.token());
            return issued.bearer();
        }
    }

    /** A realistic mix: mostly views, some publications and running totals. */
    static List<String> events(int count) {
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(30);
        String[] channels = {"website", "wechat", "weibo", "newspaper", "douyin"};
        List<String> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String channel = channels[i % channels.length];
            String item = "item-" + (i % 5000);
            String time = base.plusSeconds(i).toString();
            String data = switch (i % 10) {
                case 0 -> "{\"channel\":\"%s\",\"itemId\":\"%s\",\"title\":\"关于2024年度信息公开工作的通知第%d号\",\"category\":%d,\"department\":\"党政办公室\",\"original\":true}"
                        .formatted(channel, item, i, 1 + i % 50);
                case 1 -> "{\"channel\":\"%s\",\"itemId\":\"%s\",\"totalViews\":%d,\"totalReaders\":%d}".formatted(channel, item, i * 3, i);
                default -> "{\"channel\":\"%s\",\"itemId\":\"%s\",\"views\":%d,\"readers\":%d}".formatted(channel, item, 1 + i % 20, 1 + i % 7);
            };
            String type = switch (i % 10) {
                case 0 -> "xxgk.item.published";
                case 1 -> "xxgk.item.stats";
                default -> "xxgk.item.viewed";
            };
            events.add("{\"specversion\":\"1.0\",\"id\":\"bench-%d\",\"source\":\"/bench/%s\",\"type\":\"%s\",\"time\":\"%s\",\"subject\":\"%s\",\"datacontenttype\":\"application/json\",\"data\":%s}"
                    .formatted(i, channel, type, time, item, data));
        }
        return events;
    }

    private static List<byte[]> batches(List<String> events, int size) {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from + size <= events.size() && bodies.size() < 64; from += size) {
            bodies.add(("[" + String.join(",", events.subList(from, from + size)) + "]").getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    static void requireBuilt(Path repo) throws IOException {
        if (!Files.exists(repo.resolve("ingest-service/target/ingest-service.jar"))) {
            throw new IOException("build first: ./xxgk build");
        }
    }
}
