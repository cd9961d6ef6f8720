package io.xxgk.ingest.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.xxgk.contract.Topics;
import io.xxgk.ingest.IngestProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes accepted requests to the events topic with group commit: a few committer threads, each
 * owning one transactional producer (acks=all, idempotent), take every request waiting and write
 * them in one Kafka transaction. The aggregator reads committed records only, so each request
 * becomes visible whole or not at all, and a request is answered only once its transaction is
 * committed. One producer per committer (not per request) keeps Kafka's batching: throughput
 * grows with load instead of paying a transaction per request.
 *
 * <p>The record key is the event's identity (org, source, id): a re-sent event lands on the
 * partition of its first copy, where the aggregator that owns that partition recognises it.
 */
@Component
class EventPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
    private static final String CONTENT_TYPE_HEADER = "content-type";
    private static final byte[] STRUCTURED_TYPE = JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
    private static final int MAX_GROUP_RECORDS = 20_000;

    /** How often a commit whose outcome Kafka did not say in time is asked again (each waits max.block.ms). */
    private static final int COMMIT_TRIES = 5;

    /**
     * A request waiting for its transaction.
     *
     * @param taken set by the committer that puts it in a transaction, or by the caller that gives up before: whoever is first
     */
    private record Pending(List<ProducerRecord<String, byte[]>> records, CompletableFuture<Void> committed, long deadline,
                           AtomicBoolean taken) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Events waiting for a transaction: past {@link IngestProperties#maxQueuedEvents()} a request is refused at once. */
    private final AtomicInteger queued = new AtomicInteger();
    private final IngestProperties properties;
    private final Map<String, Object> producerConfig;
    private final String transactionalIdPrefix = "xxgk-ingest-" + UUID.randomUUID() + "-";
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean running;

    EventPublisher(IngestProperties properties, KafkaProperties kafka) {
        this.properties = properties;
        this.producerConfig = new HashMap<>(kafka.buildProducerProperties());
    }

    static String key(String org, CloudEvent event) {
        return org + "/" + event.getSource() + "/" + event.getId();
    }

    /**
     * Returns once the events are committed. Throws a 503 {@link Rejection} at once when more events
     * wait than the committers can take (overload is refused, not queued), and when they were not
     * committed in time: then nothing of them was stored, for a request whose transaction had
     * begun is answered only once Kafka has said how it ended.
     */
    void publish(String org, List<ReadEvent> events) {
        byte[] orgHeader = org.getBytes(StandardCharsets.UTF_8);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (ReadEvent event : events) {
            // structured mode, as the CloudEvents Kafka binding writes it: the content-type header and the event's JSON
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(properties.topic(), key(org, event.valid().event()),
                    event.structured());
            record.headers().add(CONTENT_TYPE_HEADER, STRUCTURED_TYPE).add(Topics.ORG_HEADER, orgHeader);
            records.add(record);
        }
        if (queued.addAndGet(records.size()) > properties.maxQueuedEvents()) {
            queued.addAndGet(-records.size());
            throw Rejection.overloaded(properties.retryAfter());
        }
        Duration timeout = properties.sendTimeout();
        Pending pending = new Pending(records, new CompletableFuture<>(), System.nanoTime() + timeout.toNanos(), new AtomicBoolean());
        queue.add(pending);
        try {
            pending.committed().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            if (pending.taken().compareAndSet(false, true)) {
                // no transaction has it: nothing was sent, and none will be
                queued.addAndGet(-records.size());
                throw Rejection.unavailable(properties.retryAfter());
            }
            awaitOutcome(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Rejection.unavailable(properties.retryAfter());
        } catch (ExecutionException e) {
            throw Rejection.unavailable(properties.retryAfter());
        }
    }

    /** A transaction has the request: its answer is how that transaction ended, however long Kafka takes to say. */
    private void awaitOutcome(Pending pending) {
        try {
            pending.committed().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Rejection.unavailable(properties.retryAfter());
        } catch (ExecutionException e) {
            throw Rejection.unavailable(properties.retryAfter());
        }
    }

    private void commitLoop(int index) {
        Producer<String, byte[]> producer = null;
        while (running) {
            List<Pending> group = takeGroup();
            if (group.isEmpty()) {
                continue;
            }
            try {
                if (producer == null) {
                    producer = newProducer(index);
                }
                producer.beginTransaction();
                for (Pending pending : group) {
                    pending.records().forEach(producer::send);
                }
                commit(producer);
                group.forEach(p -> p.committed().complete(null));
            } catch (RuntimeException e) {
                log.warn("transaction of {} request(s) failed, answering 503: {}", group.size(), e.getMessage());
                group.forEach(p -> p.committed().completeExceptionally(e));
                // a new producer with the same transactional id fences this one and aborts its transaction
                closeQuietly(producer);
                producer = null;
            }
        }
        closeQuietly(producer);
    }

    /**
     * Commits, asking again while Kafka does not say in time how the commit ended (allowed after a
     * timeout): a request is answered 503 only for a transaction known not to have committed, or
     * one whose commit Kafka left unanswered for {@value #COMMIT_TRIES} tries, past the transaction
     * timeout, by which the broker has aborted it unless it committed (docs/events.md).
     */
    private static void commit(Producer<String, byte[]> producer) {
        for (int attempt = 1; ; attempt++) {
            try {
                producer.commitTransaction();
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException unknown) {
                if (attempt == COMMIT_TRIES) {
                    throw unknown;
                }
                log.warn("commit not answered in time (try {} of {}), asking again: {}", attempt, COMMIT_TRIES, unknown.getMessage());
            }
        }
    }

    /**
     * The requests waiting now and those arriving within {@link IngestProperties#commitLinger()} of
     * the first, skipping any whose caller has stopped waiting (it answered 503).
     */
    private List<Pending> takeGroup() {
        List<Pending> group = new ArrayList<>();
        try {
            Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
            // a transaction costs the broker and this service the same for one event as for thousands:
            // requests arriving within the linger share the first one's
            long lingerUntil = System.nanoTime() + properties.commitLinger().toNanos();
            int records = 0;
            for (Pending next = first; next != null;
                 next = records < MAX_GROUP_RECORDS ? queue.poll(Math.max(0, lingerUntil - System.nanoTime()), TimeUnit.NANOSECONDS) : null) {
                if (!next.taken().compareAndSet(false, true)) {
                    continue;   // its caller gave up first and answered 503
                }
                queued.addAndGet(-next.records().size());
                if (System.nanoTime() < next.deadline()) {
                    group.add(next);
                    records += next.records().size();
                } else {
                    next.committed().completeExceptionally(new TimeoutException("expired before its transaction began"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return group;
    }

    private Producer<String, byte[]> newProducer(int index) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalIdPrefix + index);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-committer-" + index);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
            return producer;
        } catch (RuntimeException e) {
            closeQuietly(producer);
            throw e;
        }
    }

    private static void closeQuietly(Producer<?, ?> producer) {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("closing a failed producer: {}", e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.committers(); i++) {
            int index = i;
            committers.add(Thread.ofPlatform().name("ingest-committer-" + i).start(() -> commitLoop(index)));
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread committer : committers) {
            try {
                committer.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        committers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
