package io.xxgk.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The backlog as the broker of {@code ./xxgk test} tells it (XXGK_TEST_STACK_ENV): a group that has
 * committed its last record is not behind whatever aborted transactions follow it, and is behind
 * by each committed record it has not read.
 */
class AggregatorBacklogTest {

    @Test
    void anAbortedTransactionAtTheTailIsNotBehindAndACommittedRecordIs() throws Exception {
        String shared = System.getenv("XXGK_TEST_STACK_ENV");
        assertThat(shared).as("run by ./xxgk test, which starts the broker").isNotNull();
        Map<String, Object> client = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                StackEnv.load(Path.of(shared)).get(StackKeys.KAFKA_BOOTSTRAP));
        String topic = "backlog-test-" + UUID.randomUUID();
        String group = "backlog-test-" + UUID.randomUUID();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(client);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, client.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG),
                     ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic), new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            producer.initTransactions();
            send(producer, topic, 1, true);                       // offset 0, its commit marker 1
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(1))).all().get();
            send(producer, topic, 5, false);                      // offsets 2-6 aborted, the marker 7

            assertThat(AggregatorBacklog.await(client, Duration.ZERO, topic, group)).as("only aborted records after it").isZero();

            send(producer, topic, 3, true);                       // offsets 8-10, the marker 11
            assertThat(AggregatorBacklog.await(client, Duration.ZERO, topic, group)).as("three committed, unread").isEqualTo(3);
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, int records, boolean commit) throws Exception {
        producer.beginTransaction();
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(topic, "record " + i)).get();
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }
}
