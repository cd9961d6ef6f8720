package io.xxgk.bench;

import com.clickhouse.client.api.Client;
import io.xxgk.client.Event;
import io.xxgk.client.Events;
import io.xxgk.client.IngestRefused;
import io.xxgk.client.XxgkClient;
import io.xxgk.stack.AggregatorBacklog;
import io.xxgk.stack.Stack;
import io.xxgk.stack.StackKeys;
import io.xxgk.store.events.EventsTable;
import io.xxgk.store.report.StatsQueries;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code ./xxgk chaos}: the promise "nothing accepted is lost, nothing is counted twice, bad input
 * gets a 4xx" checked while the platform is being broken. On a fresh stack (Kafka, ClickHouse,
 * ingest, aggregator), a stream of known events flows through ingest while the aggregator is
 * killed with SIGKILL several times, the broker is restarted and ClickHouse is stopped for a
 * while; then every event is sent three times more and a fuzzer fires bad requests. At the end,
 * each known event is looked up in the rollup the reports read: its views must be there exactly
 * once. Prints a table and, last, {@code lost=N doubled=N server_errors=N}.
 */
final class ChaosSuite {

    /**
     * @param events          known events in the stream
     * @param stream          how long the stream flows (the faults fall inside it)
     * @param aggregatorKills SIGKILLs of an aggregator (each in turn)
     * @param outage          how long ClickHouse stays stopped
     * @param resends         times everything is sent again after the stream
     * @param fuzzRequests    bad requests fired
     * @param aggregators     aggregators in the consumer group; from two on, one is also stopped past its session
     *                        timeout and resumed (a zombie), and from three on the last leaves the group and joins again
     * @param overload        how long three times ingest's measured capacity is offered ({@link OverloadStage})
     */
    record Options(int events, Duration stream, int aggregatorKills, Duration outage, int resends, int fuzzRequests, int aggregators,
                   Duration overload) {

        Options withAggregators(int n) {
            return new Options(events, stream, aggregatorKills, outage, resends, fuzzRequests, n, overload);
        }
    }

    /** The outcome; {@link #ok()} when nothing was lost, doubled or answered with a server error. */
    record Outcome(long lost, long doubled, long serverErrors, long refusedButStored) {
        boolean ok() {
            return lost == 0 && doubled == 0 && serverErrors == 0 && refusedButStored == 0;
        }
    }

    private static final int BATCH = 20;
    private static final String SOURCE = "/chaos";
    private static final String ITEM_PREFIX = "chaos-item-";
    private static final Duration COUNTED_WITHIN = Duration.ofMinutes(3);
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    private final Path repo;
    private final Options options;
    private final long startedAt = System.nanoTime();

    ChaosSuite(Path repo, Options options) {
        this.repo = repo;
        this.options = options;
    }

    /** The figures the table shows, gathered while the stack runs and printed once it is down. */
    private record Report(Adapter adapter, Counted counted, Fuzzer.Result fuzz, OverloadStage.Result overload, Outcome outcome) {
    }

    Outcome run() throws Exception {
        System.out.println("machine: " + Machine.here());
        System.out.printf("chaos: %d known events over %d s; %d aggregator(s); %d SIGKILLs of an aggregator%s, a broker restart, "
                        + "ClickHouse stopped %d s; everything re-sent %d times; %d fuzzed requests%n", options.events(),
                options.stream().toSeconds(), options.aggregators(), options.aggregatorKills(),
                options.aggregators() > 1 ? ", one stopped past its session timeout and resumed (a zombie)"
                        + (options.aggregators() > 2 ? ", one leaving the group and joining again" : "") : "",
                options.outage().toSeconds(), options.resends(), options.fuzzRequests());
        Set<String> components = new HashSet<>(Set.of("kafka", "clickhouse", "ingest"));
        components.addAll(aggregators());
        Report report;
        try (BenchStack bench = BenchStack.start(repo, "chaos", components);
             Client clickHouse = PipelineBenchmark.client(bench.env())) {
            URI ingest = URI.create(bench.env().get(StackKeys.INGEST_URL));
            List<Event> known = known(options.events());
            Adapter adapter = new Adapter(XxgkClient.builder(ingest.toString(), bench.token()).maxAttempts(200)
                    .backoff(Duration.ofMillis(200), Duration.ofSeconds(2)).build());
            AtomicIntegerArray accepted = new AtomicIntegerArray(options.events());
            log("stream started");
            long streamStart = System.nanoTime();
            Thread stream = Thread.ofPlatform().name("chaos-stream").start(() -> stream(adapter, known, accepted, streamStart));
            breakThings(bench, streamStart);
            stream.join();
            log("stream ended: " + adapter.accepted + " of " + options.events() + " events accepted");

            for (int round = 1; round <= options.resends(); round++) {
                mark(accepted, 0, adapter.send(known));
                log("re-sent everything, round " + round);
            }

            String websiteOnly = bench.token(Set.of("website"));
            awaitKnown(ingest, websiteOnly);
            Fuzzer fuzzer = new Fuzzer(ingest, bench.token(), websiteOnly, 20261122L);
            Fuzzer.Result fuzz = fuzzer.fire(options.fuzzRequests(), 4);
            log("fired " + fuzz.requests() + " fuzzed requests");

            OverloadStage.Offered offered = new OverloadStage(ingest, bench.token()).offer(Duration.ofSeconds(5), options.overload());
            log("offered 3× the measured capacity (" + offered.capacity() + " events/s) for " + options.overload().toSeconds()
                    + " s, each request once");

            awaitConsumed(bench.env().get(StackKeys.KAFKA_BOOTSTRAP));
            Counted counted = count(clickHouse, accepted);
            log("counted " + counted.counted() + " of " + counted.accepted() + " accepted events");
            OverloadStage.Result overload = OverloadStage.count(clickHouse, offered);
            long refusedButStored = storedOf(clickHouse, fuzzer.refusedIds()) + overload.refusedButStored();
            Outcome outcome = new Outcome(counted.lost() + overload.lost(), counted.doubled() + overload.doubled(),
                    adapter.serverErrors + fuzz.serverErrors() + fuzz.noAnswer(), refusedButStored);
            report = new Report(adapter, counted, fuzz, overload, outcome);
        }
        print(report);
        return report.outcome();
    }

    // ---- the known events: event i is item chaos-item-i with 1 + i % 9 views, on a day of 2025

    private static List<Event> known(int count) {
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i % 365);
            events.add(Events.itemViewed("website", ITEM_PREFIX + i, views(i)).source(SOURCE).id("chaos-" + i)
                    .at(OffsetDateTime.of(day, LocalTime.of(10, 0), ZoneOffset.ofHours(8))).build());
        }
        return events;
    }

    private static int views(int i) {
        return 1 + i % 9;
    }

    /**
     * The known events' adapter: the adapter kit's client, which retries 429, 502, 503, 504 and lost
     * connections as every adapter does, with its answers tallied for the table. Used by one thread
     * at a time (the stream, then the re-sends after it ended).
     */
    private static final class Adapter {
        private final XxgkClient client;
        long requests;
        long accepted;
        long rejected;
        long retried;
        long serverErrors;

        Adapter(XxgkClient client) {
            this.client = client;
        }

        /** @return how many of the events, from the first, ingest accepted (the client sends them in order) */
        int send(List<Event> events) throws InterruptedException {
            try {
                XxgkClient.Sent sent = client.send(events);
                requests += sent.requests();
                retried += sent.retries();
                accepted += sent.accepted();
                return events.size();
            } catch (IngestRefused refused) {
                requests++;
                accepted += refused.acceptedBefore();
                if (refused.status() >= 500) {
                    serverErrors++;
                } else {
                    rejected += events.size() - refused.acceptedBefore();
                }
                System.out.println("    " + refused.getMessage());
                return (int) refused.acceptedBefore();
            } catch (IllegalStateException unavailableThroughEveryAttempt) {
                // what was accepted before is in the message; the stream's later batches and the re-sends send it again
                System.out.println("    " + unavailableThroughEveryAttempt.getMessage());
                return 0;
            }
        }
    }

    private static void mark(AtomicIntegerArray accepted, int from, int to) {
        for (int i = from; i < to; i++) {
            accepted.set(i, 1);
        }
    }

    /** Batches at an even pace over the stream's duration; after a fault it catches up. */
    private void stream(Adapter adapter, List<Event> known, AtomicIntegerArray accepted, long start) {
        int batches = (known.size() + BATCH - 1) / BATCH;
        long interval = options.stream().toNanos() / batches;
        try {
            for (int b = 0; b < batches; b++) {
                long due = start + b * interval - System.nanoTime();
                if (due > 0) {
                    Thread.sleep(Duration.ofNanos(due));
                }
                int from = b * BATCH;
                int to = Math.min(known.size(), from + BATCH);
                mark(accepted, from, from + adapter.send(known.subList(from, to)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the faults, spread over the stream

    private enum Fault { KILL_AGGREGATOR, RESTART_BROKER, STOP_CLICKHOUSE, ZOMBIE, LEAVE, JOIN }

    /** A fault, when it falls (as a fraction of the stream), and the aggregator it strikes, if any. */
    private record Timed(double at, Fault fault, String aggregator) {
        Timed(double at, Fault fault) {
            this(at, fault, null);
        }
    }

    /** The aggregators' component names: aggregator, aggregator2, … */
    private List<String> aggregators() {
        List<String> names = new ArrayList<>(List.of("aggregator"));
        for (int n = 2; n <= options.aggregators(); n++) {
            names.add("aggregator" + n);
        }
        return names;
    }

    /** The consumers' session timeout (aggregator-service's application.yaml): a process stopped longer is expelled from the group. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

    private void breakThings(BenchStack bench, long streamStart) throws Exception {
        List<String> aggregators = aggregators();
        List<Timed> faults = new ArrayList<>();
        for (int k = 0; k < options.aggregatorKills(); k++) {
            faults.add(new Timed(0.1 + 0.8 * k / Math.max(1, options.aggregatorKills() - 1), Fault.KILL_AGGREGATOR,
                    aggregators.get(k % aggregators.size())));
        }
        faults.add(new Timed(0.25, Fault.RESTART_BROKER));
        faults.add(new Timed(0.5, Fault.STOP_CLICKHOUSE));
        if (aggregators.size() > 1) {
            faults.add(new Timed(0.4, Fault.ZOMBIE, aggregators.getFirst()));
        }
        if (aggregators.size() > 2) {
            faults.add(new Timed(0.6, Fault.LEAVE, aggregators.getLast()));
            faults.add(new Timed(0.75, Fault.JOIN, aggregators.getLast()));
        }
        faults.sort(Comparator.comparingDouble(Timed::at));
        Stack stack = bench.stack();
        for (Timed fault : faults) {
            long due = streamStart + (long) (fault.at() * options.stream().toNanos()) - System.nanoTime();
            if (due > 0) {
                Thread.sleep(Duration.ofNanos(due));
            }
            long began = System.nanoTime();
            switch (fault.fault()) {
                case KILL_AGGREGATOR -> {
                    long pid = bench.pid(fault.aggregator());
                    ProcessHandle.of(pid).ifPresent(p -> {
                        p.destroyForcibly();
                        p.onExit().join();
                    });
                    stack.up(QUIET);
                    log(fault.aggregator() + " killed (SIGKILL, pid " + pid + "), back in " + since(began));
                }
                case ZOMBIE -> {
                    // stopped in whatever it was doing, expelled from the group, then resumed still holding its batch
                    long pid = bench.pid(fault.aggregator());
                    signal("STOP", pid);
                    Thread.sleep(SESSION_TIMEOUT.plusSeconds(5));
                    signal("CONT", pid);
                    log(fault.aggregator() + " stopped (SIGSTOP) " + since(began) + ", past its session timeout, and resumed: a zombie");
                }
                case LEAVE -> {
                    stack.stop(fault.aggregator());
                    log(fault.aggregator() + " left the group");
                }
                case JOIN -> {
                    stack.up(QUIET);
                    log(fault.aggregator() + " joined the group again, in " + since(began));
                }
                case RESTART_BROKER -> {
                    stack.stop("kafka");
                    stack.up(QUIET);
                    log("broker stopped and started again, back in " + since(began));
                }
                case STOP_CLICKHOUSE -> {
                    stack.stop("clickhouse");
                    log("ClickHouse stopped");
                    Thread.sleep(options.outage());
                    stack.up(QUIET);
                    log("ClickHouse started again, " + since(began) + " after it stopped");
                }
            }
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    /** Waits until ingest knows a new token (it follows the registry): a wrong media type then gets 415, not 401. */
    private static void awaitKnown(URI ingest, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(ingest.resolve("/v1/events")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("probe")).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 401) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ingest did not learn a new token within 30 s");
            }
            Thread.sleep(100);
        }
    }

    // ---- counting

    /**
     * Waits until the aggregator has committed every committed record of the events topic, so that
     * the count sees the re-sent copies too: counting as soon as each event shows up once could
     * miss a copy stored after it.
     */
    private void awaitConsumed(String bootstrap) throws InterruptedException {
        long behind = AggregatorBacklog.await(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), COUNTED_WITHIN);
        log(behind == 0 ? "the aggregator has consumed the whole events topic"
                : "the aggregator is still " + behind + " records behind; counting anyway");
    }

    record Counted(long accepted, long counted, long lost, long doubled, long storedRows) {
    }

    /** Each known event looked up in the rollup the reports read: its views there once, none, or more. */
    private static Counted count(Client clickHouse, AtomicIntegerArray accepted) {
        Map<Integer, Long> views = new HashMap<>();
        new StatsQueries(clickHouse).viewsPerItem(BenchStack.ORG, "website", ITEM_PREFIX)
                .forEach((item, n) -> views.put(Integer.parseInt(item.substring(ITEM_PREFIX.length())), n));
        long acceptedEvents = 0;
        long counted = 0;
        long lost = 0;
        long doubled = 0;
        for (int i = 0; i < accepted.length(); i++) {
            long seen = views.getOrDefault(i, 0L);
            if (seen > 0) {
                counted++;
            }
            if (seen > views(i)) {
                doubled++;
            }
            if (accepted.get(i) == 1) {
                acceptedEvents++;
                if (seen < views(i)) {
                    lost++;
                }
            }
        }
        long storedRows = new EventsTable(clickHouse, "xxgk").rows(BenchStack.ORG, SOURCE).size();
        return new Counted(acceptedEvents, counted, lost, doubled, storedRows);
    }

    /** How many of these fuzzer's ids are stored (its ids are {@code fuzz-<n>}, read back whole and matched here). */
    private static long storedOf(Client clickHouse, List<String> ids) {
        Set<String> refused = Set.copyOf(ids);
        return new EventsTable(clickHouse, "xxgk").rows(BenchStack.ORG, Fuzzer.SOURCE).stream().filter(r -> refused.contains(r.id())).count();
    }

    // ---- output

    private void print(Report report) {
        Adapter adapter = report.adapter();
        Counted counted = report.counted();
        Fuzzer.Result fuzz = report.fuzz();
        Outcome outcome = report.outcome();
        String row = "  %-52s %12s%n";
        System.out.println();
        System.out.printf(row, "", "events");
        System.out.printf(row, "known events", options.events());
        System.out.printf(row, "sent, re-sends included (" + (1 + options.resends()) + "× each)", (long) options.events() * (1 + options.resends()));
        System.out.printf(row, "accepted (202), re-sends included", adapter.accepted);
        System.out.printf(row, "accepted at least once", counted.accepted());
        System.out.printf(row, "rejected (4xx)", adapter.rejected);
        System.out.printf(row, "counted in the reports' rollup", counted.counted());
        System.out.printf(row, "lost (accepted, not counted)", counted.lost());
        System.out.printf(row, "double-counted", counted.doubled());
        System.out.printf(row, "rows in events before merges (copies merge away)", counted.storedRows());
        System.out.printf(row, "", "requests");
        System.out.printf(row, "stream and re-sends", adapter.requests);
        System.out.printf(row, "  answered 503/429/502/504 or not at all (retried)", adapter.retried);
        System.out.printf(row, "  other 5xx", adapter.serverErrors);
        System.out.printf(row, "fuzzed (bad input)", fuzz.requests());
        System.out.printf(row, "  answered in all", fuzz.byStatus().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("unsent")).mapToLong(Map.Entry::getValue).sum() + fuzz.noAnswer());
        fuzz.byStatus().forEach((status, n) -> System.out.printf(row, "  " + (status.startsWith("unsent") ? "" : "answered ") + status, n));
        System.out.printf(row, "  5xx", fuzz.serverErrors());
        System.out.printf(row, "  no answer", fuzz.noAnswer());
        System.out.printf(row, "  events of refused requests stored", outcome.refusedButStored() - report.overload().refusedButStored());
        OverloadStage.Result over = report.overload();
        System.out.printf(row, "overload: 3× the measured " + over.capacity() + " events/s, each sent once", over.requests());
        System.out.printf(row, "  answered 202", over.accepted());
        System.out.printf(row, "  answered 503/429", over.refused());
        System.out.printf(row, "    of them within 100 ms", over.refusedFast());
        System.out.printf(row, "  answered otherwise or not at all", over.noAnswer());
        System.out.printf(row, "  p99 of the accepted, ms", over.acceptedP99Ms());
        System.out.printf(row, "  events of accepted requests lost / doubled", over.lost() + " / " + over.doubled());
        System.out.printf(row, "  events of refused requests stored", over.refusedButStored());
        System.out.println("  fuzzed requests that stayed valid (202): " + (fuzz.acceptedMutations().isEmpty() ? "none" : fuzz.acceptedMutations()));
        fuzz.firstServerError().forEach((what, body) -> System.out.println("  server error: " + what + ": " + body));
        System.out.printf("lost=%d doubled=%d server_errors=%d%n", outcome.lost(), outcome.doubled(), outcome.serverErrors());
    }

    private void log(String what) {
        System.out.printf("  %6.1f s  %s%n", (System.nanoTime() - startedAt) / 1e9, what);
    }

    private static String since(long began) {
        return String.format("%.1f s", (System.nanoTime() - began) / 1e9);
    }
}
