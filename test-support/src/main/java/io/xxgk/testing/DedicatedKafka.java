package io.xxgk.testing;

import io.xxgk.stack.Stack;
import io.xxgk.stack.StackHome;
import io.xxgk.stack.StackKeys;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A Kafka broker of one test's own, for tests that stop and restart it (an outage). It comes back
 * on the same port with its data. A local process everywhere, Docker or not.
 */
public final class DedicatedKafka implements AutoCloseable {

    private final Stack stack;
    private final PrintStream out = System.out;
    private String bootstrap;

    public DedicatedKafka() {
        Path state = RealServers.repo().resolve(".local").resolve("test-kafka-" + UUID.randomUUID().toString().substring(0, 8));
        this.stack = Stack.kafkaOnly(StackHome.of(RealServers.repo(), state));
        start();
    }

    public String bootstrap() {
        return bootstrap;
    }

    public void start() {
        bootstrap = stack.up(out).get(StackKeys.KAFKA_BOOTSTRAP);
    }

    public void stop() {
        stack.down(out);
    }

    @Override
    public void close() {
        stop();
        RealServers.deleteQuietly(stack.home());
    }
}
