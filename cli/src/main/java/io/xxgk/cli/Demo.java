package io.xxgk.cli;

import io.xxgk.stack.Http;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackException;
import io.xxgk.stack.StackKeys;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./xxgk demo}: the stack, plus sample events sent through the real ingest API, then the
 * proof they arrived (the count in ClickHouse) and the dashboard's address.
 */
@Command(name = "demo", description = "up, then send sample events through the ingest API and show where to look.")
final class Demo implements Callable<Integer> {

    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(60);

    @CommandLine.Mixin
    Xxgk.Target target = new Xxgk.Target();

    @Override
    public Integer call() {
        StackEnv env = target.up();
        List<String> events = sampleEvents();
        int sent = events.size();
        String batch = "[" + String.join(",", events) + "]";
        HttpResponse<String> reply = Http.send(HttpRequest.newBuilder(URI.create(env.get(StackKeys.INGEST_URL) + "/v1/events"))
                .header("Content-Type", "application/cloudevents-batch+json")
                .header("Authorization", "Bearer " + env.get(StackKeys.DEMO_TOKEN))
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build());
        if (reply.statusCode() != 202) {
            throw new StackException("the ingest service answered " + reply.statusCode() + ": " + reply.body());
        }
        System.out.println("sent " + sent + " sample events: " + reply.statusCode() + " " + reply.body());
        long start = System.nanoTime();
        String query = "SELECT count() FROM xxgk.events WHERE org = 'demo'";
        String url = env.get(StackKeys.CLICKHOUSE_URL) + "/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        while (true) {
            HttpResponse<String> count = Http.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
            if (count.statusCode() == 200 && Long.parseLong(count.body().trim()) >= sent) {
                System.out.printf("%s events of org demo stored in ClickHouse (visible after %.1f s)%n",
                        count.body().trim(), (System.nanoTime() - start) / 1e9);
                break;
            }
            if (System.nanoTime() - start > VISIBLE_TIMEOUT.toNanos()) {
                throw new StackException("the sample events did not reach ClickHouse in " + VISIBLE_TIMEOUT.toSeconds()
                        + " s; see ./xxgk logs aggregator");
            }
            io.xxgk.stack.Stack.pause();
        }
        System.out.println("dashboard: " + env.get(StackKeys.DASHBOARD_URL) + "  (user " + env.get(StackKeys.DASHBOARD_USER)
                + ", password in " + target.stack().home().envFile() + ")");
        return 0;
    }

    /** A few events of this year, with fixed ids: running the demo twice sends the same events. */
    private static List<String> sampleEvents() {
        int year = OffsetDateTime.now(ZoneOffset.ofHours(8)).getYear();
        List<String> events = new ArrayList<>();
        String[][] items = {
            {"website", "1", "学校2025年度信息公开工作年度报告", "6", "党政办公室"},
            {"website", "2", "本科招生章程", "7", "招生办公室"},
            {"wechat", "3", "新学期开学典礼", "49", "党委宣传部"},
        };
        for (String[] item : items) {
            events.add(event("published-" + item[1], "xxgk.item.published", year + "-03-0" + item[1] + "T09:00:00+08:00", item[1],
                    "{\"channel\":\"%s\",\"itemId\":\"%s\",\"title\":\"%s\",\"category\":%s,\"department\":\"%s\",\"original\":true}"
                            .formatted(item[0], item[1], item[2], item[3], item[4])));
            events.add(event("viewed-" + item[1], "xxgk.item.viewed", year + "-03-1" + item[1] + "T10:00:00+08:00", item[1],
                    "{\"channel\":\"%s\",\"itemId\":\"%s\",\"views\":%d}".formatted(item[0], item[1], 100 * Integer.parseInt(item[1]))));
        }
        return events;
    }

    private static String event(String id, String type, String time, String subject, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/demo/sample","type":"%s","time":"%s","subject":"%s",\
                "datacontenttype":"application/json","data":%s}""".formatted(id, type, time, subject, data);
    }
}
