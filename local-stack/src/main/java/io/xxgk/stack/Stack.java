package io.xxgk.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A set of components started in two waves: the servers (Kafka, ClickHouse), then the services
 * that connect to them. {@link #up} is idempotent: what runs is left alone, what does not is
 * started on the ports recorded in stack.env, so a crashed process comes back where it was.
 */
public final class Stack {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final StackHome home;
    private final List<List<Component>> waves;
    private final Processes processes;

    private Stack(StackHome home, List<List<Component>> waves) {
        this.home = home;
        this.waves = waves;
        this.processes = new Processes(home);
    }

    /** Kafka, ClickHouse and the three services. */
    public static Stack full(StackHome home) {
        return full(home, 1);
    }

    /** Kafka, ClickHouse and the three services, with {@code aggregators} aggregators in one group (aggregator, aggregator2, …). */
    public static Stack full(StackHome home, int aggregators) {
        List<Component> services = new ArrayList<>(Service.all());
        for (int n = 2; n <= aggregators; n++) {
            services.add(Service.aggregator(n));
        }
        return new Stack(home, List.of(
                List.of(new KafkaBroker(), new ClickHouseServer(Versions.load())),
                List.copyOf(services)));
    }

    /** Kafka and ClickHouse only: what the tests need. */
    public static Stack servers(StackHome home) {
        return new Stack(home, List.of(List.of(new KafkaBroker(), new ClickHouseServer(Versions.load()))));
    }

    /** This stack restricted to the named components, e.g. kafka and ingest for a benchmark. */
    public Stack only(Set<String> names) {
        List<List<Component>> kept = waves.stream()
                .map(wave -> wave.stream().filter(c -> names.contains(c.name())).toList())
                .filter(wave -> !wave.isEmpty()).toList();
        return new Stack(home, kept);
    }

    /** A broker alone, e.g. for a test that stops and restarts it. */
    public static Stack kafkaOnly(StackHome home) {
        return new Stack(home, List.of(List.of(new KafkaBroker())));
    }

    public StackHome home() {
        return home;
    }

    public StackEnv up(PrintStream out) {
        return up(out, env -> { });
    }

    /**
     * Starts what is not running and waits until all is healthy.
     *
     * @param serversReady runs once Kafka and ClickHouse answer, before the services start
     *                     (e.g. to seed the registry the services read at start)
     */
    public StackEnv up(PrintStream out, Consumer<StackEnv> serversReady) {
        StackEnv env = StackEnv.load(home.envFile());
        assignPorts(env);
        components().forEach(c -> c.describe(env));
        env.save(home.envFile());
        for (int i = 0; i < waves.size(); i++) {
            List<Component> stopped = waves.get(i).stream().filter(c -> processes.running(c.name()).isEmpty()).toList();
            // side by side: a service's first start after a build trains its AOT cache first
            stopped.parallelStream().forEach(c -> c.prepare(home, env, processes));
            Map<Component, Optional<Process>> started = new LinkedHashMap<>();
            for (Component component : waves.get(i)) {
                started.put(component, start(component, env, out));
            }
            awaitReady(started, env, out);
            if (i == 0) {
                serversReady.accept(env);
            }
        }
        return env;
    }

    public void down(PrintStream out) {
        List<Component> reversed = new ArrayList<>(components());
        java.util.Collections.reverse(reversed);
        for (Component component : reversed) {
            Optional<ProcessHandle> process = processes.running(component.name());
            if (processes.stop(component.name())) {
                out.printf("  %-11s stopped (pid %d)%n", component.name(), process.map(ProcessHandle::pid).orElse(-1L));
            }
        }
    }

    /** Stops the services and leaves the servers running (e.g. while their data is replaced). */
    public void downServices(PrintStream out) {
        List<Component> services = new ArrayList<>(waves.stream().skip(1).flatMap(List::stream).toList());
        java.util.Collections.reverse(services);
        for (Component service : services) {
            if (processes.stop(service.name())) {
                out.printf("  %-11s stopped%n", service.name());
            }
        }
    }

    /** Stops one component, gracefully (a broker restart, a database outage); {@link #up} brings it back. */
    public boolean stop(String name) {
        return processes.stop(name);
    }

    public record Status(String name, Optional<Long> pid, String address, boolean healthy) {
    }

    public List<Status> status() {
        StackEnv env = StackEnv.load(home.envFile());
        return components().stream().map(c -> {
            Optional<Long> pid = processes.running(c.name()).map(ProcessHandle::pid);
            String address = env.find(c.portKeys().getFirst()).isPresent() ? c.address(env) : "-";
            return new Status(c.name(), pid, address, pid.isPresent() && c.healthy(env));
        }).toList();
    }

    public Optional<ProcessHandle> process(String name) {
        return processes.running(name);
    }

    private List<Component> components() {
        return waves.stream().flatMap(List::stream).toList();
    }

    private void assignPorts(StackEnv env) {
        Set<String> taken = new HashSet<>(env.asMap().values());
        for (Component component : components()) {
            for (String key : component.portKeys()) {
                env.computeIfAbsent(key, () -> {
                    String port;
                    do {
                        port = StackEnv.freePort();
                    } while (!taken.add(port));
                    return port;
                });
            }
        }
    }

    private Optional<Process> start(Component component, StackEnv env, PrintStream out) {
        Optional<ProcessHandle> running = processes.running(component.name());
        if (running.isPresent()) {
            out.printf("  %-11s running (pid %d) %s%n", component.name(), running.get().pid(), component.address(env));
            return Optional.empty();
        }
        for (String key : component.portKeys()) {
            int port = env.port(key);
            if (!portFree(port)) {
                throw new StackException("port " + port + " (" + key + ", for " + component.name()
                        + ") is taken by another program. Stop that program (see: ss -ltnp 'sport = :" + port
                        + "'), or delete " + home.envFile() + " to choose new ports.");
            }
        }
        Process process = processes.start(component.name(), component.command(home, env), component.environment(env));
        out.printf("  %-11s starting (pid %d) %s%n", component.name(), process.pid(), component.address(env));
        return Optional.of(process);
    }

    private void awaitReady(Map<Component, Optional<Process>> wave, StackEnv env, PrintStream out) {
        long start = System.nanoTime();
        long deadline = start + READY_TIMEOUT.toNanos();
        Map<Component, Optional<Process>> pending = new LinkedHashMap<>(wave);
        while (!pending.isEmpty()) {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                Component component = entry.getKey();
                if (entry.getValue().map(p -> !p.isAlive()).orElse(false)) {
                    throw new StackException(component.name() + " exited with code " + entry.getValue().get().exitValue()
                            + " while starting. Last lines of " + home.logFile(component.name()) + ":\n"
                            + processes.tail(component.name(), 30));
                }
                if (component.healthy(env)) {
                    it.remove();
                    out.printf("  %-11s ready after %.1f s%n", component.name(), (System.nanoTime() - start) / 1e9);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(String.join(", ", pending.keySet().stream().map(Component::name).toList())
                        + " not ready after " + READY_TIMEOUT.toSeconds() + " s; see ./xxgk logs NAME");
            }
            pause();
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The polling interval of every wait for a condition in the stack tool. */
    public static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}
