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
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The servers and services one benchmark needs, started fresh in its own folder
 * ({@code .local/bench/NAME}), with the org {@value #ORG} and a token that may write all its channels.
 */
record BenchStack(Stack stack, StackEnv env, String token, Path state) implements AutoCloseable {

    static final String ORG = "bench";

    static BenchStack start(Path repo, String name, Set<String> components) {
        Path state = repo.resolve(".local/bench").resolve(name);
        StackHome home = StackHome.of(repo, state);
        home.deleteState();
        int aggregators = (int) components.stream().filter(c -> c.startsWith("aggregator")).count();
        Stack stack = Stack.full(home, aggregators).only(components);
        AtomicReference<String> token = new AtomicReference<>();
        StackEnv env = stack.up(System.out, servers -> token.set(register(servers.get(StackKeys.KAFKA_BOOTSTRAP))));
        return new BenchStack(stack, env, token.get(), state);
    }

    long pid(String component) {
        return stack.process(component).orElseThrow(() -> new IllegalStateException(component + " is not running")).pid();
    }

    /** Another token of the org, limited to these channels; ingest knows it once it has read the registry. */
    String token(Set<String> channels) {
        try (RegistryWriter writer = new RegistryWriter(env.get(StackKeys.KAFKA_BOOTSTRAP), RegistryTopic.DEFAULT_NAME)) {
            return issue(writer, channels);
        }
    }

    @Override
    public void close() {
        stack.down(System.out);
    }

    private static String register(String bootstrap) {
        try (RegistryWriter writer = new RegistryWriter(bootstrap, RegistryTopic.DEFAULT_NAME)) {
            writer.put(Org.withDefaultChannels(ORG, "压测大学"));
            return issue(writer, Channel.DEFAULTS.stream().map(Channel::id).collect(Collectors.toSet()));
        }
    }

    private static String issue(RegistryWriter writer, Set<String> channels) {
        ApiToken.Issued issued = ApiToken.issue(ORG, channels, "bench", Instant.now());
        writer.put(issued.token());
        return issued.bearer();
    }
}
