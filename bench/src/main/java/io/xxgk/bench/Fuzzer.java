package io.xxgk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Bad requests to ingest, made from a valid event by one mutation each, drawn from a seeded
 * random source (the same run sends the same requests): attributes missing, of the wrong type or
 * out of range, data fields wrong, broken and hostile JSON (truncated, invalid UTF-8, nesting
 * 100 000 deep), batches with one bad event among good ones, too many events, too large a body,
 * wrong media types, missing, forged and foreign credentials, other methods and paths.
 *
 * <p>A server must answer each with a 4xx (or a 202 when a mutation happens to stay valid),
 * never a 5xx or a dropped connection; and nothing of a refused request may be stored, which the
 * suite checks afterwards by the ids {@link #refusedIds()} lists.
 */
final class Fuzzer {

    static final String SOURCE = "/chaos-fuzz";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A request to send; {@code goodIds} are the well-formed events it carries. */
    record Request(String method, String path, Map<String, String> headers, byte[] body, String mutation, List<String> goodIds) {
    }

    record Result(long requests, Map<String, Long> byStatus, long serverErrors, long noAnswer, Map<String, String> firstServerError,
                  Set<String> acceptedMutations) {
    }

    private final URI base;
    private final String token;
    private final String websiteOnlyToken;
    private final Random random;
    private final AtomicInteger ids = new AtomicInteger();
    private final ConcurrentSkipListSet<String> refused = new ConcurrentSkipListSet<>();
    private final List<Function<Random, Request>> mutations = List.of(
            this::missingAttribute, this::attributeOfWrongShape, this::badData, this::badTime, this::brokenJson,
            this::hostileJson, this::oneBadAmongGood, this::tooManyEvents, this::badHeaders, this::foreignChannel,
            this::binaryMode, this::otherMethodOrPath);

    Fuzzer(URI ingest, String token, String websiteOnlyToken, long seed) {
        this.base = ingest;
        this.token = token;
        this.websiteOnlyToken = websiteOnlyToken;
        this.random = new Random(seed);
    }

    /** Ids of well-formed events that came in requests ingest refused: none may be stored. */
    List<String> refusedIds() {
        return List.copyOf(refused);
    }

    Result fire(int count, int connections) throws InterruptedException {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(mutations.get(random.nextInt(mutations.size())).apply(random));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
        Map<String, String> firstServerError = new ConcurrentHashMap<>();
        LongAdder serverErrors = new LongAdder();
        LongAdder noAnswer = new LongAdder();
        Set<String> acceptedMutations = new ConcurrentSkipListSet<>();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService workers = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        Request request = requests.get(i);
                        try {
                            HttpResponse<String> reply = http.send(httpRequest(request), HttpResponse.BodyHandlers.ofString());
                            byStatus.computeIfAbsent(String.valueOf(reply.statusCode()), s -> new LongAdder()).increment();
                            if (reply.statusCode() >= 500) {
                                serverErrors.increment();
                                firstServerError.putIfAbsent(request.mutation() + " → " + reply.statusCode(), abbreviate(reply.body()));
                            } else if (reply.statusCode() == 202) {
                                acceptedMutations.add(request.mutation());
                            } else {
                                refused.addAll(request.goodIds());
                            }
                        } catch (IOException e) {
                            noAnswer.increment();
                            firstServerError.putIfAbsent(request.mutation() + " → no answer", String.valueOf(e));
                        } catch (RuntimeException e) {
                            // the HTTP client would not send it (a header or URI it refuses): a fuzzer bug, shown as such
                            byStatus.computeIfAbsent("unsent: " + e.getClass().getSimpleName(), s -> new LongAdder()).increment();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        }
        Map<String, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, n) -> statuses.put(status, n.sum()));
        return new Result(count, statuses, serverErrors.sum(), noAnswer.sum(), Map.copyOf(firstServerError), Set.copyOf(acceptedMutations));
    }

    private HttpRequest httpRequest(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return builder.build();
    }

    // ---- the mutations: each one valid event (or batch) changed in one way

    private ObjectNode event() {
        ObjectNode event = NODES.objectNode()
                .put("specversion", "1.0").put("id", "fuzz-" + ids.incrementAndGet()).put("source", SOURCE)
                .put("type", "xxgk.item.viewed").put("time", "2025-03-01T10:00:00+08:00").put("subject", "fuzz-item");
        event.putObject("data").put("channel", "website").put("itemId", "fuzz-item").put("views", 1);
        return event;
    }

    private Request batch(String mutation, List<String> goodIds, JsonNode... events) {
        ArrayNode array = NODES.arrayNode().addAll(List.of(events));
        return post(mutation, bytes(array), "application/cloudevents-batch+json", token, goodIds);
    }

    private Request post(String mutation, byte[] body, String contentType, String bearer, List<String> goodIds) {
        Map<String, String> headers = new TreeMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        return new Request("POST", "/v1/events", headers, body, mutation, goodIds);
    }

    private Request missingAttribute(Random r) {
        ObjectNode event = event();
        String attribute = pick(r, "specversion", "id", "source", "type", "time");
        event.remove(attribute);
        return batch("missing " + attribute, List.of(), event);
    }

    private Request attributeOfWrongShape(Random r) {
        ObjectNode event = event();
        String attribute = pick(r, "specversion", "id", "source", "type", "time", "subject", "data");
        event.set(attribute, oddValue(r));
        return batch(attribute + " of a wrong shape", List.of(), event);
    }

    private Request badData(Random r) {
        ObjectNode event = event();
        ObjectNode data = (ObjectNode) event.get("data");
        switch (r.nextInt(6)) {
            case 0 -> data.remove(pick(r, "channel", "itemId"));
            case 1 -> data.put("views", pick(r, -1L, 0L, Long.MIN_VALUE));
            case 2 -> data.set(pick(r, "views", "readers", "channel", "itemId"), oddValue(r));
            case 3 -> data.put("channel", pick(r, "no-such-channel", "", "WEBSITE", "website\u0000", "../website"));
            case 4 -> event.put("type", pick(r, "xxgk.item.exploded", "xxgk.item.stats", "xxgk.channel.followers", "XXGK.ITEM.VIEWED"));
            default -> data.put("views", new BigInteger("9".repeat(40)));
        }
        return batch("bad data", List.of(), event);
    }

    private Request badTime(Random r) {
        ObjectNode event = event();
        event.put("time", pick(r, "2025-13-01T00:00:00+08:00", "2025-03-01T10:00:00", "yesterday", "+99999-01-01T00:00:00Z",
                "2025-02-30T10:00:00+08:00", "2025-03-01T25:00:00+08:00", "1970-01-01T00:00:00+25:00", ""));
        return batch("bad time", List.of(), event);
    }

    private Request brokenJson(Random r) {
        byte[] valid = bytes(NODES.arrayNode().add(event()).add(event()));
        byte[] body = switch (r.nextInt(5)) {
            case 0 -> Arrays.copyOf(valid, r.nextInt(valid.length));
            case 1 -> randomBytes(r, 1 + r.nextInt(2000));
            case 2 -> new String(valid, StandardCharsets.UTF_8).replace("website", "web\uFFFFsite").getBytes(StandardCharsets.UTF_8);
            case 3 -> pick(r, "", "null", "{}", "[]", "[null]", "[1,2,3]", "\"text\"", "[{}]").getBytes(StandardCharsets.UTF_8);
            default -> invalidUtf8(valid);
        };
        return post("broken JSON", body, "application/cloudevents-batch+json", token, List.of());
    }

    private Request hostileJson(Random r) {
        String body = switch (r.nextInt(4)) {
            case 0 -> "[".repeat(100_000);
            case 1 -> "[" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "]";
            case 2 -> "[{\"specversion\":\"1.0\",\"id\":\"" + "x".repeat(500_000) + "\"}]";
            default -> "[{\"specversion\":\"1.0\",\"specversion\":\"0.3\",\"id\":\"dup\",\"source\":\"/s\",\"type\":\"xxgk.item.viewed\"}]";
        };
        return post("hostile JSON", body.getBytes(StandardCharsets.UTF_8), "application/cloudevents-batch+json", token, List.of());
    }

    private Request oneBadAmongGood(Random r) {
        List<JsonNode> events = new ArrayList<>();
        List<String> good = new ArrayList<>();
        int size = 2 + r.nextInt(20);
        int bad = r.nextInt(size);
        for (int i = 0; i < size; i++) {
            ObjectNode event = event();
            if (i == bad) {
                ((ObjectNode) event.get("data")).put("views", -5);
            } else {
                good.add(event.get("id").asText());
            }
            events.add(event);
        }
        return batch("one bad among good", good, events.toArray(JsonNode[]::new));
    }

    private Request tooManyEvents(Random r) {
        if (r.nextInt(10) == 0) {
            // a body over the 1 MB cap, rarely: it is costly to send
            byte[] body = ("[" + "{\"x\":\"" + "y".repeat(1 << 20) + "\"}]").getBytes(StandardCharsets.UTF_8);
            return post("body over the cap", body, "application/cloudevents-batch+json", token, List.of());
        }
        List<JsonNode> events = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            ObjectNode event = event();
            good.add(event.get("id").asText());
            events.add(event);
        }
        return batch("1001 events", good, events.toArray(JsonNode[]::new));
    }

    private Request badHeaders(Random r) {
        ObjectNode event = event();
        byte[] one = bytes(event);
        List<String> good = List.of(event.get("id").asText());
        return switch (r.nextInt(6)) {
            case 0 -> post("no credentials", one, "application/cloudevents+json", null, good);
            case 1 -> post("forged token", one, "application/cloudevents+json", pick(r, "x", token + "x", "xxgk_" + "0".repeat(40), ""), good);
            case 2 -> post("wrong media type", one, pick(r, "text/plain", "application/xml", "multipart/form-data", "application/cloudevents+xml"), token, good);
            case 3 -> post("no media type", one, null, token, good);
            case 4 -> post("single event as a batch", one, "application/cloudevents-batch+json", token, good);
            default -> post("batch as a single event", bytes(NODES.arrayNode().add(event)), "application/cloudevents+json", token, good);
        };
    }

    private Request foreignChannel(Random r) {
        ObjectNode event = event();
        ((ObjectNode) event.get("data")).put("channel", pick(r, "wechat", "weibo", "oa"));
        return post("channel the token may not write", bytes(NODES.arrayNode().add(event)), "application/cloudevents-batch+json",
                websiteOnlyToken, List.of(event.get("id").asText()));
    }

    private Request binaryMode(Random r) {
        Map<String, String> headers = new TreeMap<>(Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                "ce-specversion", "1.0", "ce-id", "fuzz-" + ids.incrementAndGet(), "ce-source", SOURCE,
                "ce-type", "xxgk.item.viewed", "ce-time", "2025-03-01T10:00:00+08:00"));
        String header = pick(r, "ce-specversion", "ce-id", "ce-source", "ce-type", "ce-time");
        if (r.nextBoolean()) {
            headers.remove(header);
        } else {
            headers.put(header, pick(r, "", " ", "0.3", "%%%", "not a time", "x".repeat(8000)));
        }
        String body = pick(r, "{\"channel\":\"website\",\"itemId\":\"i\"}", "[]", "", "{\"channel\":1}");
        return new Request("POST", "/v1/events", headers, body.getBytes(StandardCharsets.UTF_8), "binary mode, " + header, List.of());
    }

    private Request otherMethodOrPath(Random r) {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/cloudevents+json");
        byte[] body = bytes(event());
        return switch (r.nextInt(4)) {
            case 0 -> new Request(pick(r, "GET", "DELETE"), "/v1/events", headers, null, "other method", List.of());
            case 1 -> new Request(pick(r, "PUT", "PATCH"), "/v1/events", headers, body, "other method", List.of());
            case 2 -> new Request("POST", pick(r, "/v1/event", "/v2/events", "/v1/events/x", "/v1//events", "/v1/events/..;/x"),
                    headers, body, "other path", List.of());
            default -> new Request("GET", pick(r, "/actuator/env", "/actuator/heapdump", "/actuator/shutdown", "/v1/events;jsessionid=x"),
                    Map.of(), null, "operator endpoints without credentials", List.of());
        };
    }

    // ---- small helpers

    private static JsonNode oddValue(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(r.nextLong());
            case 2 -> NODES.booleanNode(true);
            case 3 -> NODES.arrayNode().add("a");
            case 4 -> NODES.objectNode().put("nested", 1);
            case 5 -> NODES.textNode("");
            case 6 -> NODES.textNode("\u0000\u202E\uD83D\uDE00" + "长".repeat(r.nextInt(3000)));
            default -> NODES.textNode("x".repeat(70_000));
        };
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static byte[] randomBytes(Random r, int length) {
        byte[] bytes = new byte[length];
        r.nextBytes(bytes);
        return bytes;
    }

    private static byte[] invalidUtf8(byte[] valid) {
        byte[] body = valid.clone();
        int at = new String(valid, StandardCharsets.UTF_8).indexOf("website");
        body[at] = (byte) 0xC3;
        body[at + 1] = (byte) 0x28;
        return body;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
