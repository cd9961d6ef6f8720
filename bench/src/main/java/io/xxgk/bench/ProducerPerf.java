package io.xxgk.bench;

import io.xxgk.stack.StackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code ProducerPerformance} (kafka-tools), run as a separate process on the broker's
 * classpath: the most a Java producer gets from this broker on this machine with these records.
 */
final class ProducerPerf {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

    record Result(long records, double recordsPerSecond, double mbPerSecond, String summary) {
    }

    private ProducerPerf() {
    }

    /** Sends {@code records} payloads taken from {@code payloads} (one per line) with the producer settings given. */
    static Result run(Path repo, String bootstrap, String topic, Path payloads, long records, List<String> producerProps)
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
