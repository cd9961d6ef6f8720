package io.xxgk.bench;

import com.clickhouse.client.api.Client;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackKeys;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A fresh aggregator, run as the stack runs it (same jar, heap and GC), in a consumer group of its
 * own and into a database of its own, consuming the whole events topic.
 */
final class AggregatorLeg {

    private static final String DATABASE = "bench_leg";

    record Result(double eventsPerSecond, long rssPeakMiB) {
    }

    private AggregatorLeg() {
    }

    /**
     * Its listener starts with the application context, just before it reports healthy: from then
     * on it consumes, so its JVM start does not count.
     *
     * @return the {@link System#nanoTime()} it was healthy at
     */
    private static long awaitHealthy(Process aggregator, int port) throws InterruptedException {
        return ChildReady.await(aggregator, URI.create("http://127.0.0.1:" + port + "/actuator/health"), Duration.ofMinutes(2),
                "the benchmark's aggregator did not become healthy (log: aggregator-leg.log)");
    }

    static Result run(Path repo, Path state, StackEnv env, Client clickHouse, long expected) throws Exception {
        clickHouse.query("DROP DATABASE IF EXISTS " + DATABASE + " SYNC").get().close();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path jar = repo.resolve("aggregator-service/target/aggregator-service.jar");
        ProcessBuilder builder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(state.resolve("aggregator-leg.log").toFile());
        builder.environment().putAll(java.util.Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", env.get(StackKeys.KAFKA_BOOTSTRAP),
                "SPRING_KAFKA_CONSUMER_GROUP_ID", "bench-aggregator-leg",
                "XXGK_CLICKHOUSE_URL", env.get(StackKeys.CLICKHOUSE_URL),
                "XXGK_CLICKHOUSE_DATABASE", DATABASE,
                "SERVER_PORT", Integer.toString(port)));
        Process aggregator = builder.start();
        try {
            long started = awaitHealthy(aggregator, port);
            double rate = Leg.measure(clickHouse, DATABASE, expected, started, Duration.ofMinutes(15));
            return new Result(rate, Machine.rssMiB(aggregator.pid())[1]);
        } finally {
            aggregator.destroy();
            aggregator.waitFor();
            clickHouse.query("DROP DATABASE IF EXISTS " + DATABASE + " SYNC").get().close();
        }
    }
}
