package io.xxgk.bench;

import io.xxgk.stack.StackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own {@code ProducerPerformance} (kafka-tools), run as a separate process on the broker's
 * classpath: the most a Java producer gets from this broker on this machine with these records.
 */
final class ProducerPerf {

    /** The producer settings ingest uses (application.yaml), so the baseline differs only by what ingest adds. */
    static final List<String> PRODUCER_PROPS = List.of("acks=all", "enable.idempotence=true", "linger.ms=2",
            "compression.type=lz4", "key.serializer=org.apache.kafka.common.serialization.ByteArraySerializer");

    /** Partitioned like the events topic (ingest's default), so both runs write to the same shape. */
    private static final String BASELINE_TOPIC = "bench.producer-perf";
    private static final int PARTITIONS = 6;

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

    record Result(long records, double recordsPerSecond, double mbPerSecond, String summary) {
    }

    private ProducerPerf() {
    }

    /**
     * The benchmarks' baseline: {@code records} events of their mix (so of their sizes) with ingest's
     * producer settings, to a topic partitioned like the events topic.
     */
    static Result baseline(Path repo, String bootstrap, Path workDir, long records) throws Exception {
        List<String> events = Bodies.mix(10_000, "perf");
        Path payloads = workDir.resolve("payloads.txt");
        Files.write(payloads, events);
        System.out.printf("    records: structured CloudEvents of %.0f bytes on average%n",
                events.stream().mapToInt(e -> e.getBytes(StandardCharsets.UTF_8).length).average().orElse(0));
        createTopic(bootstrap, BASELINE_TOPIC);
        return run(repo, bootstrap, BASELINE_TOPIC, payloads, records, PRODUCER_PROPS);
    }

    /** A topic of the events topic's partitions, for a baseline to write to. */
    static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
    }

    /** Sends {@code records} payloads taken from {@code payloads} (one per line) with the producer settings given. */
    private static Result run(Path repo, String bootstrap, String topic, Path payloads, long records, List<String> producerProps)
            throws IOException, InterruptedException {
        String classpath = Files.readString(repo.resolve("kafka-runtime/target/kafka.classpath")).trim();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", classpath, "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records), "--throughput", "-1",
                "--payload-file", payloads.toString(), "--producer-props", "bootstrap.servers=" + bootstrap));
        command.addAll(producerProps);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new StackException("ProducerPerformance failed:\n" + output);
        }
        String last = output.strip().lines().filter(l -> SUMMARY.matcher(l).find()).reduce((a, b) -> b)
                .orElseThrow(() -> new StackException("no summary in ProducerPerformance's output:\n" + output));
        Matcher m = SUMMARY.matcher(last);
        m.find();
        return new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), last.strip());
    }
}
