package io.xxgk.cli;

import io.xxgk.stack.Http;
import io.xxgk.stack.StackKeys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Asks the local aggregator to rebuild a year's rollups from the stored events (docs/counting.md, repair). */
@Command(name = "repair", description = "Rebuild a year's rollups from the stored events (the aggregator pauses meanwhile).")
final class Repair implements Callable<Integer> {

    @CommandLine.Mixin
    Xxgk.Target target = new Xxgk.Target();

    @Option(names = "--year", required = true, description = "the calendar year whose rollups to rebuild")
    int year;

    @Override
    public Integer call() {
        String url = target.env().get(StackKeys.AGGREGATOR_URL);
        if (url == null) {
            throw new IllegalStateException("no aggregator in " + target.stack().home().envFile() + ": ./xxgk up first");
        }
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/rollups"))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"year\":" + year + "}")).build());
        if (response.statusCode() / 100 != 2) {
            System.err.println("xxgk: the aggregator answered " + response.statusCode() + ": " + response.body());
            return 1;
        }
        System.out.println("rebuilt the rollups of " + year + ": " + response.body());
        return 0;
    }
}
