package io.xxgk.dashboard.registry;

import io.xxgk.registry.ApiToken;
import io.xxgk.registry.DashboardUser;
import io.xxgk.registry.Org;
import io.xxgk.registry.OrgChecklist;
import io.xxgk.registry.Registry;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.support.registry.RegistryAutoConfiguration.RegistryProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The dashboard's writes to the registry (users, checklist editions, channels, tokens). Each returns once this
 * dashboard's own copy of the registry shows it, so the page after a save shows the save.
 */
@Component
public class RegistryUpdates implements AutoCloseable {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    private final RegistryWriter writer;
    private final Registry registry;

    RegistryUpdates(KafkaProperties kafka, RegistryProperties properties, Registry registry) {
        this.writer = new RegistryWriter(String.join(",", kafka.getBootstrapServers()), properties.topic());
        this.registry = registry;
    }

    public DashboardUser put(DashboardUser user) {
        writer.put(user);
        return awaitVisible(user, () -> registry.user(user.name()));
    }

    public Org put(Org org) {
        writer.put(org);
        return awaitVisible(org, () -> registry.org(org.id()));
    }

    public ApiToken put(ApiToken token) {
        writer.put(token);
        return awaitVisible(token, () -> registry.token(token.id()));
    }

    public OrgChecklist put(OrgChecklist checklist) {
        writer.put(checklist);
        return awaitVisible(checklist, () -> registry.checklist(checklist.org()));
    }

    private static <T> T awaitVisible(T written, Supplier<Optional<T>> current) {
        Instant deadline = Instant.now().plus(VISIBLE_WITHIN);
        while (!current.get().filter(written::equals).isPresent()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("saved, but not yet read back from the registry within " + VISIBLE_WITHIN);
            }
            try {
                Thread.sleep(5);   // the follower applies records on its own thread; polling its map is the cheapest wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return written;
    }

    @Override
    public void close() {
        writer.close();
    }
}
