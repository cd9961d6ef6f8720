package io.xxgk.registry;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        RegistryTopic.ensure(bootstrapServers, topic);
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                new StringSerializer(), new ByteArraySerializer());
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
