package io.xxgk.dashboard.registry;

import io.xxgk.registry.Registry;
import io.xxgk.registry.RegistryChange;
import io.xxgk.registry.RegistryRecord;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.support.registry.RegistryAutoConfiguration.RegistryProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
        // from Spring's Kafka properties: the service's TLS and SASL settings reach the registry writes too
        this.writer = new RegistryWriter(kafka.buildProducerProperties(), kafka.buildAdminProperties(), properties.topic());
        this.registry = registry;
    }

    /** Writes the record, and the change for the audit log, and returns it once this dashboard's registry holds it. */
    public <T extends RegistryRecord> T put(T record) {
        RegistryChange change = RegistryChange.of(record, registry.current(record), actor(), Instant.now());
        writer.put(record);
        writer.put(change);
        return awaitVisible(record, () -> registry.current(record));
    }

    /** The login making the change. */
    private static String actor() {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        return login == null ? "dashboard" : login.getName();
    }

    private static <T> T awaitVisible(T written, Supplier<Optional<? extends RegistryRecord>> current) {
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
