package io.xxgk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' own linter: a service's /actuator/prometheus text (names, units, HELP lines), and
 * the deployment's Prometheus configuration with its alert rules.
 * CI installs it (Debian's prometheus package); a machine without it skips the check, saying so.
 */
public final class Promtool {

    private Promtool() {
    }

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    /** The problems {@code promtool check metrics} reports, empty when the exposition is clean. */
    public static String check(String exposition) throws IOException, InterruptedException {
        return run(exposition, "check", "metrics").output();
    }

    /** What {@code promtool check config FILE} says (it checks the rule files the config names too). */
    public record Result(int exitCode, String output) {
    }

    public static Result checkConfig(Path config) throws IOException, InterruptedException {
        return run("", "check", "config", config.toString());
    }

    private static Result run(String input, String... args) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL), "promtool is not installed (apt-get install prometheus)");
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish");
        }
        return new Result(process.exitValue(), output.strip());
    }
}
