package io.xxgk.cli;

import com.clickhouse.client.api.Client;
import io.xxgk.registry.Refused;
import io.xxgk.stack.Stack;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackException;
import io.xxgk.stack.StackHome;
import io.xxgk.stack.StackKeys;
import io.xxgk.support.clickhouse.ClickHouseClients;
import io.xxgk.support.clickhouse.ClickHouseProperties;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The Java side of {@code ./xxgk}: the shell script finds a JDK, builds, then calls this. */
@Command(name = "xxgk", mixinStandardHelpOptions = true,
        description = "Runs the xxgk-stats platform locally: Kafka, ClickHouse and the three services.",
        subcommands = {Xxgk.Up.class, Xxgk.Down.class, Xxgk.Status.class, Demo.class,
                TokenCommand.class, OrgCommand.class, ChannelCommand.class, Repair.class, ImportCommand.class,
                BackupCommands.Backup.class, BackupCommands.Restore.class})
public final class Xxgk {

    /** Options every command shares: which stack, and which part of it. */
    static final class Target {
        @Option(names = "--state", description = "the stack's folder (default: .local)")
        Path state;

        @Option(names = "--servers-only", description = "only Kafka and ClickHouse (what the tests use)")
        boolean serversOnly;

        Stack stack() {
            Path repo = StackHome.findRepo(Path.of(System.getProperty("xxgk.root", ".")));
            StackHome home = StackHome.of(repo, state != null ? state : repo.resolve(".local"));
            return serversOnly ? Stack.servers(home) : Stack.full(home);
        }

        /** Starts the stack; a full stack gets its demo org and token before the services start. */
        StackEnv up() {
            Stack stack = stack();
            if (serversOnly) {
                return stack.up(System.out);
            }
            DemoTenant.prepare(stack.home().envFile());
            return stack.up(System.out, DemoTenant::register);
        }

        StackEnv env() {
            return StackEnv.load(stack().home().envFile());
        }
    }

    @Command(name = "up", description = "Start whatever is not running, wait until all is healthy, write stack.env.")
    static final class Up implements Callable<Integer> {
        @CommandLine.Mixin
        Target target = new Target();

        @Override
        public Integer call() {
            long start = System.nanoTime();
            target.up();
            System.out.printf("up in %.1f s; addresses and demo credentials in %s%n",
                    (System.nanoTime() - start) / 1e9, target.stack().home().envFile());
            return 0;
        }
    }

    @Command(name = "down", description = "Stop every process that up started.")
    static final class Down implements Callable<Integer> {
        @CommandLine.Mixin
        Target target = new Target();

        @Override
        public Integer call() {
            target.stack().down(System.out);
            return 0;
        }
    }

    @Command(name = "status", description = "What runs, on which address, healthy or not. Exit 1 unless all are healthy.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Mixin
        Target target = new Target();

        @Override
        public Integer call() {
            boolean allHealthy = true;
            System.out.printf("%-11s %-8s %-28s %s%n", "NAME", "PID", "ADDRESS", "STATE");
            for (Stack.Status s : target.stack().status()) {
                String state = s.pid().isEmpty() ? "stopped" : s.healthy() ? "healthy" : "unhealthy";
                allHealthy &= s.healthy();
                System.out.printf("%-11s %-8s %-28s %s%n", s.name(), s.pid().map(String::valueOf).orElse("-"), s.address(), state);
            }
            return allHealthy ? 0 : 1;
        }
    }

    /** The stack's ClickHouse, its xxgk database as the services use it. */
    static Client clickHouse(StackEnv env) {
        return ClickHouseClients.builder(new ClickHouseProperties(env.find(StackKeys.CLICKHOUSE_URL)
                .orElseThrow(() -> new StackException("no stack here: start it first (./xxgk up)")), "xxgk", "default", "")).build();
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Xxgk());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof StackException || e instanceof Refused || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                cmd.getErr().println("xxgk: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
