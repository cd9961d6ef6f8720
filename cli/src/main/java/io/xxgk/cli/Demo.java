package io.xxgk.cli;

import com.clickhouse.client.api.Client;
import io.xxgk.client.Event;
import io.xxgk.client.XxgkClient;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackException;
import io.xxgk.stack.StackKeys;
import io.xxgk.store.events.EventsTable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./xxgk demo}: the stack, plus a demo university's last year and this year so far sent
 * through the real ingest API with the adapter kit (some late, some twice), then the proof they
 * arrived each once (the count in ClickHouse) and the dashboard's address.
 */
@Command(name = "demo", description = "up, then send a demo university's year through the ingest API and show where to look.")
final class Demo implements Callable<Integer> {

    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(120);

    @CommandLine.Mixin
    Xxgk.Target target = new Xxgk.Target();

    @Override
    public Integer call() throws InterruptedException {
        StackEnv env = target.up();
        LocalDate today = LocalDate.now(DemoUniversity.CHINA);
        int year = today.getYear();
        List<Event> lastYear = DemoUniversity.year(year - 1, LocalDate.of(year - 1, 12, 31));
        // up to yesterday: no event of today's later hours ahead of now (数据更新至 would say a time to come),
        // and a second run the same day sends the same events
        List<Event> thisYear = DemoUniversity.year(year, today.minusDays(1));
        // last year's final days arrive late, after this year's events, and land in last year all the same
        OffsetDateTime lateFrom = OffsetDateTime.of(year - 1, 12, 22, 0, 0, 0, 0, DemoUniversity.CHINA);
        List<Event> onTime = new ArrayList<>(lastYear.stream().filter(e -> e.time().isBefore(lateFrom)).toList());
        List<Event> late = lastYear.stream().filter(e -> !e.time().isBefore(lateFrom)).toList();
        onTime.addAll(thisYear);
        // an adapter that crashed and ran again: every 30th event sent twice
        List<Event> again = new ArrayList<>();
        for (int i = 0; i < onTime.size(); i += 30) {
            again.add(onTime.get(i));
        }

        XxgkClient client = XxgkClient.builder(env.get(StackKeys.INGEST_URL), env.get(StackKeys.DEMO_TOKEN)).batchEvents(1000).build();
        long started = System.nanoTime();
        long accepted = client.send(onTime).accepted() + client.send(late).accepted() + client.send(again).accepted();
        long distinct = onTime.size() + late.size();
        System.out.printf("sent a demo university's %d and %d so far: %d events (%d late, %d sent twice) in %.1f s, all accepted: %s%n",
                year - 1, year, accepted, late.size(), again.size(), (System.nanoTime() - started) / 1e9, accepted == distinct + again.size());

        long start = System.nanoTime();
        try (Client clickHouse = Xxgk.clickHouse(env)) {
            EventsTable events = new EventsTable(clickHouse, "xxgk");
            long stored;
            while ((stored = events.distinctEvents(env.get(StackKeys.DEMO_ORG), DemoUniversity.SOURCE)) < distinct) {
                if (System.nanoTime() - start > VISIBLE_TIMEOUT.toNanos()) {
                    throw new StackException("the demo events did not reach ClickHouse in " + VISIBLE_TIMEOUT.toSeconds()
                            + " s; see ./xxgk logs aggregator");
                }
                io.xxgk.stack.Stack.pause();
            }
            System.out.printf("%d distinct events of org demo stored in ClickHouse, each once (visible after %.1f s)%n",
                    stored, (System.nanoTime() - start) / 1e9);
        }
        System.out.println("dashboard: " + env.get(StackKeys.DASHBOARD_URL) + "  (user " + env.get(StackKeys.DASHBOARD_USER)
                + ", password in " + target.stack().home().envFile() + ")");
        return 0;
    }
}
