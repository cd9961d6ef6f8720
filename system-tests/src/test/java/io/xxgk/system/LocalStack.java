package io.xxgk.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackHome;
import io.xxgk.stack.StackKeys;
import io.xxgk.store.events.EventsTable;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** A stack of a test's own, driven through {@code ./xxgk} as a user drives it, in its own folder. */
final class LocalStack implements AutoCloseable {

    static final Path REPO = StackHome.findRepo(Path.of(System.getProperty("xxgk.root", ".")));

    record Run(int exitCode, String output) {
    }

    private final Path state = REPO.resolve(".local").resolve("system-test-" + UUID.randomUUID().toString().substring(0, 8));
    private final HttpClient http = HttpClient.newHttpClient();

    Path state() {
        return state;
    }

    Run xxgk(String... args) throws IOException, InterruptedException {
        List<String> withState = new ArrayList<>(List.of(args));
        withState.addAll(List.of("--state", state.toString()));
        return run(withState, Duration.ofSeconds(240));
    }

    /** A command that starts a stack of its own (./xxgk chaos, soak), waited for at most {@code timeout}. */
    static Run onItsOwnStack(Duration timeout, String... args) throws IOException, InterruptedException {
        return run(List.of(args), timeout);
    }

    private static Run run(List<String> args, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("xxgk").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
        builder.environment().put("XXGK_SKIP_BUILD", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("./xxgk " + String.join(" ", args) + " finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    StackEnv env() {
        return StackEnv.load(state.resolve("stack.env"));
    }

    long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(state.resolve("run").resolve(name + ".pid")).trim());
    }

    /** The processes of this stack, found by the marker in their command line. */
    List<ProcessHandle> processes() {
        String marker = "@" + state;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("-Dxxgk.process=") && c.contains(marker)).orElse(false))
                .toList();
    }

    /** What the stack's ClickHouse holds, read through the events table. */
    <T> T events(Function<EventsTable, T> read) {
        try (Client clickHouse = ClickHouseClients.builder(new ClickHouseProperties(env().get(StackKeys.CLICKHOUSE_URL), "xxgk", "default", ""))
                .build()) {
            return read.apply(new EventsTable(clickHouse, "xxgk"));
        }
    }

    /** The dashboard's report of the demo org as JSON, read as the operator. */
    String report(String query) throws IOException, InterruptedException {
        StackEnv env = env();
        HttpResponse<String> reply = dashboardGet("/api/v1/orgs/demo/report?numbers=exact&" + query,
                env.get(StackKeys.DASHBOARD_USER), env.get(StackKeys.DASHBOARD_PASSWORD));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    HttpResponse<String> dashboardGet(String path, String user, String password) throws IOException, InterruptedException {
        return dashboard(path, user, password, HttpRequest.Builder::GET);
    }

    /** A request to the dashboard as its operator (the stack's admin), with a JSON body. */
    HttpResponse<String> dashboardPut(String path, String json) throws IOException, InterruptedException {
        return dashboard(path, env().get(StackKeys.DASHBOARD_USER), env().get(StackKeys.DASHBOARD_PASSWORD),
                request -> request.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> dashboard(String path, String user, String password, UnaryOperator<HttpRequest.Builder> method)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(method.apply(HttpRequest.newBuilder(URI.create(env().get(StackKeys.DASHBOARD_URL) + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postEvents(String token, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(env().get(StackKeys.INGEST_URL) + "/v1/events"))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One item published on the channel in March 2024, of an id never sent before. */
    HttpResponse<String> postItem(String token, String channel) throws IOException, InterruptedException {
        String event = ("{\"specversion\":\"1.0\",\"id\":\"cli-%s\",\"source\":\"/system-test\",\"type\":\"xxgk.item.published\","
                + "\"time\":\"2024-03-01T09:00:00+08:00\",\"data\":{\"channel\":\"%s\",\"itemId\":\"cli-1\"}}")
                .formatted(UUID.randomUUID(), channel);
        return postEvents(token, "application/cloudevents+json", event);
    }

    @Override
    public void close() throws Exception {
        xxgk("down");
        StackHome.of(REPO, state).deleteState();
    }
}
