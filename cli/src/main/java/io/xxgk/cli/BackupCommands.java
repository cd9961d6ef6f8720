package io.xxgk.cli;

import com.clickhouse.client.api.Client;
import io.xxgk.registry.Registry;
import io.xxgk.registry.RegistryDump;
import io.xxgk.registry.RegistryRecord;
import io.xxgk.stack.AggregatorBacklog;
import io.xxgk.stack.KafkaAccess;
import io.xxgk.stack.Stack;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackException;
import io.xxgk.stack.StackHome;
import io.xxgk.store.DatabaseBackup;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./xxgk backup DIR} and {@code ./xxgk restore DIR}: ClickHouse's database through its own
 * BACKUP and RESTORE, and the registry topic as a file (docs/operations.md, "Backup and restore").
 * A folder holds {@code clickhouse/} (ClickHouse's backup), {@code registry.jsonl} and
 * {@code backup.properties} (what it holds, and of which Kafka cluster its offsets are).
 */
final class BackupCommands {

    private static final String DATABASE = "xxgk";
    private static final String MANIFEST = "backup.properties";
    private static final String REGISTRY = "registry.jsonl";
    private static final String CLICKHOUSE = "clickhouse";
    /** How long a backup waits for the events ingest accepted to be stored, so that it holds them. */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private BackupCommands() {
    }

    @Command(name = "backup", description = "Back up the stack's ClickHouse database and registry into a new folder DIR.")
    static final class Backup implements Callable<Integer> {
        @CommandLine.Mixin
        Xxgk.Target target = new Xxgk.Target();

        @Parameters(index = "0", paramLabel = "DIR", description = "a folder that does not exist yet, or an empty one")
        Path dir;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            Path to = dir.toAbsolutePath().normalize();
            if (Files.exists(to) && !isEmptyFolder(to)) {
                throw new StackException(to + " exists and is not an empty folder: a backup goes into a new one");
            }
            StackHome home = target.stack().home();
            StackEnv env = target.env();
            KafkaAccess kafka = KafkaAccess.of(env);
            long unstored = AggregatorBacklog.await(kafka.clientConfig(), CATCH_UP);
            Path staging = home.backupsDir().resolve("backup-" + System.currentTimeMillis());
            Properties manifest = new Properties();
            try (Client clickHouse = Xxgk.clickHouse(env); RegistryClient registry = RegistryClient.connect(env)) {
                DatabaseBackup database = new DatabaseBackup(clickHouse, DATABASE);
                manifest.setProperty("events", Long.toString(database.events()));
                backup(database, staging);
                Registry read = registry.read();
                Files.createDirectories(to);
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
                StackHome.copyTree(staging, to.resolve(CLICKHOUSE));
                RegistryDump.write(read, to.resolve(REGISTRY));
                manifest.setProperty("registry.records", Integer.toString(read.records().size()));
            } finally {
                StackHome.deleteTree(staging);
            }
            manifest.setProperty("created", Instant.now().toString());
            manifest.setProperty("kafka.cluster", clusterId(kafka));
            try (Writer out = Files.newBufferedWriter(to.resolve(MANIFEST))) {
                manifest.store(out, "./xxgk backup: restore with ./xxgk restore " + to);
            }
            System.out.printf("backed up %s events and %s registry records to %s in %.1f s%n", manifest.getProperty("events"),
                    manifest.getProperty("registry.records"), to, (System.nanoTime() - start) / 1e9);
            if (unstored > 0) {
                System.out.printf("%d events accepted by ingest were not stored yet (the aggregator is behind or stopped): "
                        + "they are not in this backup, only in Kafka%n", unstored);
            }
            return 0;
        }

        private static boolean isEmptyFolder(Path path) throws IOException {
            if (!Files.isDirectory(path)) {
                return false;
            }
            try (var entries = Files.list(path)) {
                return entries.findAny().isEmpty();
            }
        }

        private static void backup(DatabaseBackup database, Path staging) {
            try {
                database.backup(staging);
            } catch (RuntimeException e) {
                if (String.valueOf(e.getMessage()).contains("backups.allowed_path")) {
                    throw new StackException("this stack's ClickHouse was started without a backups folder (by an older ./xxgk): "
                            + "restart it first (./xxgk down && ./xxgk up)", e);
                }
                throw e;
            }
        }
    }

    @Command(name = "restore", description = "Restore a backup folder DIR into this stack, which must hold no events yet; then start it.")
    static final class Restore implements Callable<Integer> {
        @CommandLine.Mixin
        Xxgk.Target target = new Xxgk.Target();

        @Parameters(index = "0", paramLabel = "DIR", description = "a folder ./xxgk backup wrote")
        Path dir;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            Path from = dir.toAbsolutePath().normalize();
            Properties manifest = new Properties();
            if (!Files.isRegularFile(from.resolve(MANIFEST)) || !Files.isDirectory(from.resolve(CLICKHOUSE))) {
                throw new StackException(from + " is not a backup: it has no " + MANIFEST + " and " + CLICKHOUSE + "/");
            }
            try (Reader in = Files.newBufferedReader(from.resolve(MANIFEST))) {
                manifest.load(in);
            }
            // read whole before anything is changed: a damaged registry file restores nothing
            List<RegistryRecord> records = RegistryDump.read(from.resolve(REGISTRY));

            Stack stack = target.stack();
            StackEnv env = Stack.servers(stack.home()).up(System.out);
            KafkaAccess kafka = KafkaAccess.of(env);
            boolean otherCluster = !clusterId(kafka).equals(manifest.getProperty("kafka.cluster"));
            Path staging = stack.home().backupsDir().resolve("restore-" + System.currentTimeMillis());
            try (Client clickHouse = Xxgk.clickHouse(env)) {
                DatabaseBackup database = new DatabaseBackup(clickHouse, DATABASE);
                database.requireNoEvents();
                // nothing may write while the database is replaced
                stack.downServices(System.out);
                Files.createDirectories(staging.getParent());
                StackHome.copyTree(from.resolve(CLICKHOUSE), staging);
                database.restore(staging, otherCluster);
            } finally {
                StackHome.deleteTree(staging);
            }
            try (RegistryClient registry = RegistryClient.connect(env)) {
                records.forEach(registry.writer()::put);
            }
            System.out.printf("restored %s events and %d registry records from %s (backed up %s)%s%n", manifest.getProperty("events"),
                    records.size(), from, manifest.getProperty("created"),
                    otherCluster ? "; the offsets it recorded were of another Kafka cluster and are forgotten" : "");
            target.up();
            System.out.printf("restored and up in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }

    private static String clusterId(KafkaAccess kafka) throws InterruptedException {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            return admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("Kafka at " + kafka.bootstrap() + " does not answer (./xxgk status): " + e.getMessage(), e);
        }
    }
}
