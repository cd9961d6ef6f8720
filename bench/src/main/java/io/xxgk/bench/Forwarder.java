package io.xxgk.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ceiling of ingest's job, for {@code ./xxgk bench ingest}: a bare HTTP → Kafka forwarder on
 * Vert.x 5 ({@code vertx-web} + {@code vertx-kafka-client}, what the Strimzi Kafka Bridge is built
 * on). It splits a batch into its events and hands each to a producer with acks=all, idempotence,
 * LZ4 and a 2 ms linger, answering 202 once Kafka acknowledged them all — and checks nothing: no
 * token, no contract, no transaction. Run as a process of its own, so its CPU is its own.
 *
 * <p>{@code Forwarder BOOTSTRAP PORT TOPIC}
 */
public final class Forwarder {

    private Forwarder() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: Forwarder BOOTSTRAP PORT TOPIC");
            System.exit(2);
        }
        String topic = args[2];
        Vertx vertx = Vertx.vertx();
        KafkaProducer<String, Buffer> producer = KafkaProducer.create(vertx, Map.of(
                "bootstrap.servers", args[0],
                "acks", "all",
                "enable.idempotence", "true",
                "compression.type", "lz4",
                "linger.ms", "2",
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "io.vertx.kafka.client.serialization.BufferSerializer"));
        Router router = Router.router(vertx);
        router.get("/health").handler(context -> context.response().end());
        router.post("/v1/events").handler(BodyHandler.create().setBodyLimit(2 * 1024 * 1024)).handler(context -> {
            JsonArray events = context.body().asJsonArray();
            List<Future<?>> sent = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                JsonObject event = events.getJsonObject(i);
                sent.add(producer.send(KafkaProducerRecord.create(topic, event.getString("source") + "/" + event.getString("id"),
                        event.toBuffer())));
            }
            Future.all(sent).onComplete(done -> context.response().setStatusCode(done.succeeded() ? 202 : 503).end());
        });
        vertx.createHttpServer().requestHandler(router).listen(Integer.parseInt(args[1])).onSuccess(server ->
                System.out.println("forwarding on port " + server.actualPort() + " to " + topic)).onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
