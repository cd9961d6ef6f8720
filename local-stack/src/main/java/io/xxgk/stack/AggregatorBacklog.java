package io.xxgk.stack;

import io.xxgk.contract.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The records of the events topic that the aggregators' group has not consumed yet, as the broker tells it. */
public final class AggregatorBacklog {

    /** The aggregators' consumer group (aggregator-service's {@code spring.kafka.consumer.group-id}). */
    public static final String GROUP = "xxgk-aggregator";
    private static final long READ_TO_BE_SURE = 10_000;
    private static final Duration READ_WITHIN = Duration.ofSeconds(10);

    private AggregatorBacklog() {
    }

    /**
     * Waits until the group has consumed every committed record, at most {@code within}.
     *
     * @return the records still unconsumed at the end, 0 when it caught up
     */
    public static long await(Map<String, Object> clientConfig, Duration within) throws InterruptedException {
        return await(clientConfig, within, Topics.EVENTS, GROUP);
    }

    /** {@link #await(Map, Duration)} of another topic and group. */
    static long await(Map<String, Object> clientConfig, Duration within, String topic, String group) throws InterruptedException {
        try (Admin admin = Admin.create(clientConfig)) {
            long deadline = System.nanoTime() + within.toNanos();
            long behind;
            while ((behind = behind(admin, clientConfig, topic, group)) > 0 && System.nanoTime() < deadline) {
                Stack.pause();
            }
            return behind;
        } catch (ExecutionException e) {
            throw new StackException("cannot read the aggregators' progress from Kafka: " + e.getCause().getMessage(), e);
        }
    }

    private static long behind(Admin admin, Map<String, Object> clientConfig, String topic, String group)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        var topics = admin.listTopics().names().get();
        if (!topics.contains(topic)) {
            return 0;
        }
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long behind = 0;
        Map<TopicPartition, Span> unsure = new HashMap<>();
        for (var end : admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            Span span = new Span(at == null ? 0 : at.offset(), end.getValue().offset());
            // ingest writes in transactions: a partition's last offset is a commit marker, which a
            // consumer reads past but does not commit past; an unread event leaves it 2 or more behind
            if (span.size() > 1 && span.size() <= READ_TO_BE_SURE) {
                unsure.put(end.getKey(), span);
            } else if (span.size() > 1) {
                behind += span.size();
            }
        }
        return behind + (unsure.isEmpty() ? 0 : readable(clientConfig, unsure));
    }

    /** A partition's offsets from the group's committed one to the end. */
    private record Span(long from, long end) {
        long size() {
            return end - from;
        }
    }

    /**
     * The records a read_committed consumer gets in the spans. A span's offsets may all be an
     * aborted transaction's (a request refused when ingest was overloaded) and their markers: the
     * aggregator never receives them, so never commits past them, and the broker's offsets alone
     * would report them behind for ever (KAFKA-10683). Spans no longer than this are read to be sure.
     */
    private static long readable(Map<String, Object> clientConfig, Map<TopicPartition, Span> spans) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(spans.keySet());
            spans.forEach((partition, span) -> consumer.seek(partition, span.from()));
            long readable = 0;
            long deadline = System.nanoTime() + READ_WITHIN.toNanos();
            while (spans.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue().end())) {
                if (System.nanoTime() > deadline) {
                    // not read through in time: what is left counts as behind
                    return readable + spans.entrySet().stream().mapToLong(e -> e.getValue().end() - consumer.position(e.getKey())).sum();
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    readable += record.offset() < spans.get(new TopicPartition(record.topic(), record.partition())).end() ? 1 : 0;
                }
            }
            return readable;
        }
    }
}
