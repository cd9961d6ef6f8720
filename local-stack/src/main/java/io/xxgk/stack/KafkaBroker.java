package io.xxgk.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker (broker and controller in one process) run from the kafka_2.13 jars
 * that the kafka-runtime module resolves. The same release as the clients, no tarball, no Docker.
 */
record KafkaBroker() implements Component {

    static final String PORT = "KAFKA_PORT";
    static final String CONTROLLER_PORT = "KAFKA_CONTROLLER_PORT";

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public List<String> portKeys() {
        return List.of(PORT, CONTROLLER_PORT);
    }

    @Override
    public void describe(StackEnv env) {
        env.put(StackKeys.KAFKA_BOOTSTRAP, "127.0.0.1:" + env.get(PORT));
        env.computeIfAbsent("KAFKA_CLUSTER_ID", () -> Uuid.randomUuid().toString());
    }

    @Override
    public void prepare(StackHome home, StackEnv env, Processes processes) {
        Path data = home.dataDir(name());
        Path conf = home.state().resolve("conf").resolve(name());
        KafkaAccess access = KafkaAccess.of(env);
        write(conf.resolve("server.properties"), """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$s
                listeners=%4$s://127.0.0.1:%1$s,CONTROLLER://127.0.0.1:%2$s
                advertised.listeners=%4$s://127.0.0.1:%1$s
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=%4$s:%4$s,CONTROLLER:%4$s
                inter.broker.listener.name=%4$s
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(env.get(PORT), env.get(CONTROLLER_PORT), data, access.protocol()) + access.brokerProperties());
        write(conf.resolve("log4j2.properties"), """
                rootLogger.level=WARN
                rootLogger.appenderRef.stdout.ref=STDOUT
                appender.stdout.type=Console
                appender.stdout.name=STDOUT
                appender.stdout.layout.type=PatternLayout
                appender.stdout.layout.pattern=[%d] %p %m (%c)%n
                logger.kafka.name=kafka.server.KafkaRaftServer
                logger.kafka.level=INFO
                """);
        if (!Files.exists(data.resolve("meta.properties"))) {
            processes.runToEnd(name(), List.of(Component.java(), "-Xmx128m",
                    "-cp", classpath(home), "kafka.tools.StorageTool", "format",
                    "-t", env.get("KAFKA_CLUSTER_ID"), "-c", conf.resolve("server.properties").toString()),
                    Duration.ofSeconds(60));
        }
    }

    @Override
    public List<String> command(StackHome home, StackEnv env) {
        Path conf = home.state().resolve("conf").resolve(name());
        return List.of(Component.java(), "-Xms256m", "-Xmx256m", "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + conf.resolve("log4j2.properties"),
                "-cp", classpath(home), "kafka.Kafka", conf.resolve("server.properties").toString());
    }

    @Override
    public String address(StackEnv env) {
        return env.get(StackKeys.KAFKA_BOOTSTRAP);
    }

    @Override
    public boolean healthy(StackEnv env) {
        Map<String, Object> props = KafkaAccess.of(env).clientConfig();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1500);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    private static String classpath(StackHome home) {
        Path file = home.repo().resolve("kafka-runtime/target/kafka.classpath");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new StackException("the broker's classpath " + file + " is missing: build first (./xxgk build)", e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
