package io.xxgk.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a component as a detached background process and finds it again by its pid file.
 * A pid alone can be reused by the OS after a crash, so a process only counts as ours when its
 * command line still carries the marker we gave it.
 */
final class Processes {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackHome home;

    Processes(StackHome home) {
        this.home = home;
    }

    String marker(String name) {
        return "-Dxxgk.process=" + name + "@" + home.state();
    }

    Optional<ProcessHandle> running(String name) {
        Path pidFile = home.pidFile(name);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            String marker = marker(name);
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts a java command line, marked as ours, with its output appended to the component's log. */
    Process start(String name, List<String> command, Map<String, String> environment) {
        List<String> full = new ArrayList<>();
        // setsid: the process outlives the shell that ran ./xxgk up and ignores its Ctrl-C
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            full.add("/usr/bin/setsid");
        }
        full.add(command.getFirst());
        full.add(marker(name));
        full.addAll(command.subList(1, command.size()));
        Path log = home.logFile(name);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(home.runDir());
            Files.writeString(log, "\n=== " + java.time.Instant.now() + " starting " + name + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(home.state().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(home.pidFile(name), process.pid() + "\n");
            return process;
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short command to its end (e.g. formatting storage), failing with its log's tail. */
    void runToEnd(String name, List<String> command, Duration timeout) {
        runToEnd(name, command, Map.of(), timeout);
    }

    void runToEnd(String name, List<String> command, Map<String, String> environment, Duration timeout) {
        Process process = start(name + "-setup", command, environment);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StackException(name + " setup did not finish in " + timeout.toSeconds() + " s\n" + tail(name + "-setup", 20));
            }
            if (process.exitValue() != 0) {
                throw new StackException(name + " setup failed (exit " + process.exitValue() + ")\n" + tail(name + "-setup", 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        } finally {
            deletePidFile(name + "-setup");
        }
    }

    /** SIGTERM, then SIGKILL after a grace period; also ends anything the process started. */
    boolean stop(String name) {
        Optional<ProcessHandle> process = running(name);
        process.ifPresent(p -> {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            try {
                p.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception timeoutOrInterrupt) {
                p.destroyForcibly();
                p.onExit().join();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        });
        deletePidFile(name);
        return process.isPresent();
    }

    String tail(String name, int lines) {
        Path log = home.logFile(name);
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private void deletePidFile(String name) {
        try {
            Files.deleteIfExists(home.pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
