package io.xxgk.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The registry's topic: one compacted partition, so the latest value of each key is kept forever
 * and every follower sees all changes in one order. Keys are {@code org/<id>}, {@code token/<id>},
 * {@code user/<name>}, {@code checklist/<org>},
 * {@code report-template/<org>}, {@code annual-report/<org>/<year>/<version>} and
 * {@code change/<id>} (the audit log); values are the records as JSON.
 */
public final class RegistryTopic {

    public static final String DEFAULT_NAME = "xxgk.registry";

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RegistryTopic() {
    }

    /** Creates the topic unless it exists; fails within seconds when no broker answers. */
    public static void ensure(String bootstrapServers, String name) {
        ensure(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), name);
    }

    /** @param adminConfig the service's Kafka admin settings (bootstrap servers, TLS, SASL) */
    public static void ensure(Map<String, Object> adminConfig, String name) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            ensure(admin, name);
        }
    }

    private static void ensure(Admin admin, String name) {
        NewTopic topic = new NewTopic(name, Optional.of(1), Optional.empty()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"));
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the registry topic " + name + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] encode(RegistryRecord value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException for a key of no kind this version knows, or a value that is not its record */
    static RegistryRecord decode(String key, byte[] value) throws IOException {
        Class<? extends RegistryRecord> type = switch (key.substring(0, Math.max(0, key.indexOf('/')))) {
            case "org" -> Org.class;
            case "token" -> ApiToken.class;
            case "user" -> DashboardUser.class;
            case "checklist" -> OrgChecklist.class;
            case "report-template" -> ReportTemplate.class;
            case "annual-report" -> AnnualReportDraft.class;
            case "change" -> RegistryChange.class;
            default -> throw new IOException("unknown registry key " + key);
        };
        return JSON.readValue(value, type);
    }
}
