package io.xxgk.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link Registry} up to date: reads the registry topic from its start, then follows it.
 * No consumer group: every follower reads everything. A revoked token stops working as soon as
 * the revocation is read, typically within a few milliseconds.
 */
public final class RegistryFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RegistryFollower.class);

    private final Registry registry = new Registry();
    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition partition;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Follows {@code topic}, creating it first if the broker does not have it yet. */
    public RegistryFollower(String bootstrapServers, String topic) {
        RegistryTopic.ensure(bootstrapServers, topic);
        this.partition = new TopicPartition(topic, 0);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = Thread.ofPlatform().daemon().name("registry-follower").unstarted(this::follow);
        thread.start();
    }

    public Registry registry() {
        return registry;
    }

    /** Whether everything written before the follower started has been read. */
    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void follow() {
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Long end = null;
            while (running) {
                try {
                    if (end == null) {
                        end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(5)).get(partition);
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    if (caughtUp.getCount() > 0 && consumer.position(partition, Duration.ofSeconds(5)) >= end) {
                        caughtUp.countDown();
                        log.info("registry read: {} orgs, {} tokens", registry.orgs().size(), registry.tokens().size());
                    }
                } catch (TimeoutException brokerAway) {
                    // keep what we have and keep trying: the broker may be restarting
                    log.warn("registry: broker not answering ({}), retrying", brokerAway.getMessage());
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll
        } catch (RuntimeException e) {
            failure.set(e);
            log.error("registry follower stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        try {
            registry.apply(RegistryTopic.decode(record.key(), record.value()));
        } catch (Exception e) {
            // one bad record must not hide the rest of the registry
            log.error("skipping unreadable registry record {} at offset {}: {}", record.key(), record.offset(), e.getMessage());
        }
    }

    /** Why the follower stopped, if it did. */
    public Exception failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
