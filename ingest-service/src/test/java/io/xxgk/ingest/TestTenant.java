package io.xxgk.ingest;

import io.xxgk.registry.ApiToken;
import io.xxgk.registry.Org;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.testing.RealServers;
import java.time.Instant;
import java.util.Set;
import org.springframework.test.context.DynamicPropertyRegistry;

/** An org with three tokens (all channels / website only / revoked) in a registry topic of its own. */
record TestTenant(String registryTopic, String org, String full, String websiteOnly, String revoked) {

    /** Points the ingest service under test at the shared servers, this tenant's registry and {@code eventsTopic}. */
    void register(DynamicPropertyRegistry registry, String eventsTopic) {
        RealServers.register(registry);
        registry.add("xxgk.ingest.topic", () -> eventsTopic);
        registry.add("xxgk.registry.topic", this::registryTopic);
    }

    static TestTenant create() {
        return create(RealServers.get().kafkaBootstrap());
    }

    static TestTenant create(String kafkaBootstrap) {
        String topic = RealServers.uniqueName("registry");
        String org = "org-" + RealServers.uniqueName("t").substring(2).replace('_', '-');
        try (RegistryWriter writer = new RegistryWriter(kafkaBootstrap, topic)) {
            writer.put(Org.withDefaultChannels(org, "测试大学"));
            ApiToken.Issued full = ApiToken.issue(org, Set.of("website", "wechat", "newspaper", "hotline"), "full", Instant.now());
            ApiToken.Issued website = ApiToken.issue(org, Set.of("website"), "cms", Instant.now());
            ApiToken.Issued revoked = ApiToken.issue(org, Set.of("website"), "old", Instant.now());
            writer.put(full.token());
            writer.put(website.token());
            writer.put(revoked.token().revoked(Instant.now()));
            return new TestTenant(topic, org, full.bearer(), website.bearer(), revoked.bearer());
        }
    }
}
