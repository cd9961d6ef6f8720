package io.xxgk.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    private final Registry registry = new Registry();
    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition partition;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** When the follower last saw itself at the topic's end (System.nanoTime), 0 before it first did. */
    private volatile long upToDateAt;

    /** Follows {@code topic}, creating it first if the broker does not have it yet. */
    public RegistryFollower(String bootstrapServers, String topic) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), topic);
    }

    /**
     * @param consumerConfig the service's Kafka consumer settings (bootstrap servers, TLS, SASL); how it reads is this class's
     * @param adminConfig    the same for the admin client that creates the topic
     */
    public RegistryFollower(Map<String, Object> consumerConfig, Map<String, Object> adminConfig, String topic) {
        RegistryTopic.ensure(adminConfig, topic);
        this.partition = new TopicPartition(topic, 0);
        Map<String, Object> config = new HashMap<>(consumerConfig);
        // every follower reads everything, from the start: no group, nothing committed
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
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
            long checkedAt = 0;
            long lastEnd = -1;
            long firstEnd = -1;
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    // how far behind is it: the topic's end asked for now and then, so that a follower cut off is known to be
                    if (caughtUp.getCount() > 0 || System.nanoTime() - checkedAt > CHECK_EVERY.toNanos()) {
                        long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(5)).get(partition);
                        long position = consumer.position(partition, Duration.ofSeconds(5));
                        if (position >= lastEnd && lastEnd >= 0) {
                            // everything the topic held at the last check is read: as fresh as that, even while writes go on
                            upToDateAt = checkedAt;
                        }
                        if (firstEnd < 0) {
                            firstEnd = end;
                        }
                        lastEnd = end;
                        checkedAt = System.nanoTime();
                        if (position >= end) {
                            upToDateAt = checkedAt;
                        }
                        if (position >= firstEnd && caughtUp.getCount() > 0) {
                            // everything written before the follower started is read
                            upToDateAt = Math.max(upToDateAt, checkedAt);
                            caughtUp.countDown();
                            log.info("registry read: {} orgs, {} tokens", registry.orgs().size(), registry.tokens().size());
                        }
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

    /**
     * Why the registry cannot be trusted now, if it cannot: the follower stopped, has not read the
     * topic to its end yet, or was last seen up to date longer ago than {@code maxStaleness} (cut
     * off from the broker). A service then refuses what needs the registry rather than accept a
     * token that may have been revoked since.
     */
    public Optional<String> unusable(Duration maxStaleness) {
        if (failure.get() != null || !thread.isAlive()) {
            return Optional.of("the registry follower stopped" + (failure.get() == null ? "" : ": " + failure.get().getMessage()));
        }
        if (!isCaughtUp()) {
            return Optional.of("the registry is still being read");
        }
        Duration since = Duration.ofNanos(System.nanoTime() - upToDateAt);
        return since.compareTo(maxStaleness) > 0
                ? Optional.of("the registry was last known up to date " + since.toSeconds() + " s ago (the broker does not answer)")
                : Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
