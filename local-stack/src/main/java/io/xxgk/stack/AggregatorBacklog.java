package io.xxgk.stack;

import io.xxgk.contract.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** The records of the events topic that the aggregators' group has not consumed yet, as the broker tells it. */
public final class AggregatorBacklog {

    /** The aggregators' consumer group (aggregator-service's {@code spring.kafka.consumer.group-id}). */
    public static final String GROUP = "xxgk-aggregator";

    private AggregatorBacklog() {
    }

    /**
     * Waits until the group has consumed every committed record, at most {@code within}.
     *
     * @return the records still unconsumed at the end, 0 when it caught up
     */
    public static long await(Map<String, Object> clientConfig, Duration within) throws InterruptedException {
        try (Admin admin = Admin.create(clientConfig)) {
            long deadline = System.nanoTime() + within.toNanos();
            long behind;
            while ((behind = behind(admin)) > 0 && System.nanoTime() < deadline) {
                Stack.pause();
            }
            return behind;
        } catch (ExecutionException e) {
            throw new StackException("cannot read the aggregators' progress from Kafka: " + e.getCause().getMessage(), e);
        }
    }

    private static long behind(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        var topics = admin.listTopics().names().get();
        if (!topics.contains(Topics.EVENTS)) {
            return 0;
        }
        admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get().get(Topics.EVENTS).partitions()
                .forEach(p -> ends.put(new TopicPartition(Topics.EVENTS, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        long behind = 0;
        for (var end : admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            // ingest writes in transactions: a partition's last offset is a commit marker, which a
            // consumer reads past but does not commit past; an unread event leaves it 2 or more behind
            long unread = end.getValue().offset() - (at == null ? 0 : at.offset());
            behind += unread > 1 ? unread : 0;
        }
        return behind;
    }
}
