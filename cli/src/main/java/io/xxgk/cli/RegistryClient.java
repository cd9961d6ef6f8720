package io.xxgk.cli;

import io.xxgk.registry.Registrar;
import io.xxgk.registry.Registry;
import io.xxgk.registry.RegistryChange;
import io.xxgk.registry.RegistryFollower;
import io.xxgk.registry.RegistryRecord;
import io.xxgk.registry.RegistryTopic;
import io.xxgk.registry.RegistryWriter;
import io.xxgk.stack.KafkaAccess;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The registry of a running stack, for the commands that read or change it. */
final class RegistryClient implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private final KafkaAccess kafka;
    private RegistryWriter writer;
    private Registry read;

    private RegistryClient(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    static RegistryClient connect(StackEnv env) {
        return new RegistryClient(KafkaAccess.of(env));
    }

    /** Everything in the registry now. */
    Registry read() {
        try (RegistryFollower follower = new RegistryFollower(kafka.clientConfig(), kafka.clientConfig(),
                RegistryTopic.DEFAULT_NAME)) {
            if (!follower.awaitCaughtUp(READ_TIMEOUT)) {
                throw new StackException("cannot read the registry from Kafka at " + kafka.bootstrap() + " (is the stack up? ./xxgk status)");
            }
            return follower.registry();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    /** The registry's rules, checked against the registry as read once for this command. */
    Registrar registrar() {
        return new Registrar(new Registrar.Store() {
            @Override
            public Registry registry() {
                if (read == null) {
                    read = read();
                }
                return read;
            }

            @Override
            public void put(RegistryRecord record) {
                RegistryClient.this.put(record, read == null ? Optional.empty() : read.current(record));
            }
        }, Clock.systemUTC());
    }

    /** Writes the record and, for the audit log, the change, made by the operator at this machine. */
    void put(RegistryRecord record, Optional<? extends RegistryRecord> before) {
        writer().put(record);
        writer().put(RegistryChange.of(record, before, "./xxgk (" + System.getProperty("user.name") + ")", Instant.now()));
    }

    RegistryWriter writer() {
        if (writer == null) {
            writer = new RegistryWriter(kafka.clientConfig(), kafka.clientConfig(), RegistryTopic.DEFAULT_NAME);
        }
        return writer;
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
