package io.xxgk.stack;

import java.util.List;
import java.util.Map;

/** One process of the stack: what it listens on, how it starts, how to tell it is ready. */
sealed interface Component permits KafkaBroker, ClickHouseServer, Service {

    String name();

    /** The stack.env keys of the ports it listens on; chosen on the first start, then kept. */
    List<String> portKeys();

    /** Fills in the stack.env entries that describe this component to its users (URLs, credentials). */
    void describe(StackEnv env);

    /** Work before each start, such as formatting storage on the first one. */
    default void prepare(StackHome home, StackEnv env, Processes processes) {
    }

    /** The java command line, without the process marker. */
    List<String> command(StackHome home, StackEnv env);

    default Map<String, String> environment(StackEnv env) {
        return Map.of();
    }

    /** The main address, for status. */
    String address(StackEnv env);

    boolean healthy(StackEnv env);

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
