package io.xxgk.cli;

import io.xxgk.registry.ApiToken;
import io.xxgk.registry.Channel;
import io.xxgk.registry.Org;
import io.xxgk.registry.Registry;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The local stack's demo org and its token that may write every channel: chosen once and kept in
 * stack.env, registered before the services start, and registered again should the broker's data
 * be gone. A revoked demo token stays revoked.
 */
final class DemoTenant {

    private DemoTenant() {
    }

    static void prepare(Path envFile) {
        StackEnv env = StackEnv.load(envFile);
        env.computeIfAbsent(StackKeys.DEMO_ORG, () -> "demo");
        if (env.find(StackKeys.DEMO_TOKEN).flatMap(ApiToken::idOf).isEmpty()) {
            // absent, or written by an older version in another token format
            env.put(StackKeys.DEMO_TOKEN, ApiToken.issue("demo", allDefaultChannels(), "demo", Instant.now()).bearer());
        }
        env.save(envFile);
    }

    static void register(StackEnv env) {
        String orgId = env.get(StackKeys.DEMO_ORG);
        String bearer = env.get(StackKeys.DEMO_TOKEN);
        try (RegistryClient registry = RegistryClient.connect(env)) {
            Registry current = registry.read();
            if (current.org(orgId).isEmpty()) {
                registry.writer().put(Org.withDefaultChannels(orgId, "示例大学"));
            }
            String tokenId = ApiToken.idOf(bearer).orElseThrow();
            if (current.token(tokenId).isEmpty()) {
                registry.writer().put(ApiToken.forBearer(bearer, orgId, allDefaultChannels(), "demo", Instant.now()));
            }
        }
    }

    private static java.util.Set<String> allDefaultChannels() {
        return Channel.DEFAULTS.stream().map(Channel::id).collect(Collectors.toSet());
    }
}
