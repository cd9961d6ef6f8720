package io.xxgk.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Where one stack keeps its state: pid files, logs, server data and its {@code stack.env}, all under
 * one git-ignored folder. The developer's stack lives in {@code .local/}, the test run's in
 * {@code .local/test/}; both share {@link #cache()} so the ClickHouse engine is fetched once.
 *
 * @param repo  the checkout: where the service jars and the broker's classpath are built
 * @param state this stack's folder
 */
public record StackHome(Path repo, Path state) {

    public static StackHome of(Path repo, Path state) {
        return new StackHome(repo.toAbsolutePath().normalize(), state.toAbsolutePath().normalize());
    }

    /** Finds the checkout from a folder inside it: the nearest parent holding {@code xxgk} and {@code pom.xml}. */
    public static Path findRepo(Path from) {
        for (Path dir = from.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("xxgk")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new StackException("cannot find the xxgk-stats checkout above " + from);
    }

    public Path envFile() {
        return state.resolve("stack.env");
    }

    public Path runDir() {
        return state.resolve("run");
    }

    public Path pidFile(String name) {
        return runDir().resolve(name + ".pid");
    }

    public Path logFile(String name) {
        return state.resolve("logs").resolve(name + ".log");
    }

    public Path dataDir(String name) {
        return state.resolve("data").resolve(name);
    }

    /** Where the stack's ClickHouse may write a BACKUP and read one to RESTORE (its backups.allowed_path), nowhere else. */
    public Path backupsDir() {
        return state.resolve("backups");
    }

    public Path cache() {
        return repo.resolve(".local").resolve("cache");
    }

    /** Removes this stack's folder and everything in it; its processes must be stopped first. */
    public void deleteState() {
        deleteTree(state);
    }

    /** Removes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder and everything in it to {@code to}, which must not exist yet. */
    public static void copyTree(Path from, Path to) {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
