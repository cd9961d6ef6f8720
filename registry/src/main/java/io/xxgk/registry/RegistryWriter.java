package io.xxgk.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes orgs, tokens, dashboard users and checklists to the registry topic, each write acknowledged by the broker before it returns. */
public final class RegistryWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public RegistryWriter(String bootstrapServers, String topic) {
        this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), topic);
    }

    /**
     * @param producerConfig the service's Kafka producer settings (bootstrap servers, TLS, SASL); durability is this class's
     * @param adminConfig    the same for the admin client that creates the topic
     */
    public RegistryWriter(Map<String, Object> producerConfig, Map<String, Object> adminConfig, String topic) {
        RegistryTopic.ensure(adminConfig, topic);
        this.topic = topic;
        Map<String, Object> config = new HashMap<>(producerConfig);
        // a service's own producer may be transactional or tuned for throughput: the registry's is neither
        config.keySet().removeIf(k -> k.startsWith("transactional.") || k.equals(ProducerConfig.CLIENT_ID_CONFIG));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Writes the record; it replaces the one of the same key. */
    public void put(RegistryRecord record) {
        try {
            producer.send(new ProducerRecord<>(topic, record.registryKey(), RegistryTopic.encode(record))).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the registry write was not acknowledged: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
