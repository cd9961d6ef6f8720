package io.xxgk.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A service's jar in Spring Boot's extracted form with the JVM's AOT cache of it (JDK 25, JEP 514):
 * classes loaded and linked, and the start-up's method profiles, kept from a training run, so a
 * start takes a fraction of the time (measured in the README). The cache belongs to one jar on one
 * JDK, so its folder is named by the jar's hash and the JDK's version, under {@code .local/cache/aot/},
 * shared by every stack of the repository: it is made once per build, and a rebuild while a service
 * runs makes a new folder instead of changing the old one's jar under it.
 */
final class AotCache {

    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);
    /** Folders of older builds are removed once a day old and run by no process. */
    private static final Duration KEPT = Duration.ofDays(1);

    private final Path jar;
    private final Path folder;
    private final String module;

    private AotCache(Path jar, Path folder, String module) {
        this.jar = jar;
        this.folder = folder;
        this.module = module;
    }

    static AotCache of(StackHome home, String module) {
        Path built = home.repo().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.exists(built)) {
            throw new StackException(built + " is missing: build first (./xxgk build)");
        }
        String version = Runtime.version().toString().replaceAll("[^0-9A-Za-z.]", "_");
        return new AotCache(built, home.cache().resolve("aot").resolve(module + "-" + sha256(built) + "-" + version), module);
    }

    /** The extracted application's jar, which names its libraries in its manifest: what the cache is for. */
    Path application() {
        return folder.resolve(module + ".jar");
    }

    Path cache() {
        return folder.resolve("app.aot");
    }

    boolean trained() {
        return Files.exists(cache());
    }

    /** Neither trained nor failed to: a training that failed (its log in {@link #failed()}) is not repeated for this build. */
    boolean untried() {
        return !trained() && !Files.exists(failed());
    }

    private Path failed() {
        return folder.resolve("training-failed.txt");
    }

    /** Extracts the jar once (into a temporary folder first: stacks may start side by side). */
    void extract(Processes processes, String name) {
        if (Files.exists(application())) {
            return;
        }
        Path temporary = folder.resolveSibling(folder.getFileName() + "." + UUID.randomUUID() + ".tmp");
        processes.runToEnd(name + "-extract", List.of(Component.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", temporary.toString()), Map.of(), EXTRACT_TIMEOUT);
        try {
            Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherStackWasFirst) {
            StackHome.deleteTree(temporary);
        } catch (IOException e) {
            throw new StackException("cannot move " + temporary + " to " + folder + ": " + e.getMessage(), e);
        }
        removeOlderBuilds();
    }

    /**
     * A training run: the service started against the stack's servers until its context is
     * refreshed (its beans made, migrations run; no port opened, no consumer started), then the
     * cache written as it exits — into a file of its own, moved into place only if it succeeded.
     */
    void train(Processes processes, String name, List<String> jvmOptions, Map<String, String> environment) {
        Path output = folder.resolve("app.aot." + UUID.randomUUID() + ".tmp");
        List<String> command = new ArrayList<>(List.of(Component.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:AOTCacheOutput=" + output, "-Dspring.context.exit=onRefresh", "-jar", application().toString()));
        try {
            processes.runToEnd(name + "-aot", command, environment, TRAINING_TIMEOUT);
            Files.move(output, cache(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (StackException trainingFailed) {
            try {
                Files.writeString(failed(), trainingFailed.getMessage());
            } catch (IOException e) {
                throw new StackException("cannot write " + failed() + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new StackException("cannot move " + output + " to " + cache() + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // a leftover temporary file is removed with its folder
            }
        }
    }

    private void removeOlderBuilds() {
        Instant unused = Instant.now().minus(KEPT);
        try (Stream<Path> siblings = Files.list(folder.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(module + "-") && !p.equals(folder)).filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).toInstant().isBefore(unused);
                } catch (IOException gone) {
                    return false;
                }
            }).filter(p -> ProcessHandle.allProcesses().noneMatch(process -> process.info().commandLine()
                    .map(line -> line.contains(p.toString())).orElse(false))).forEach(StackHome::deleteTree);
        } catch (IOException e) {
            throw new StackException("cannot list " + folder.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** A jar's hash by its path, size and time: a start asks for it twice (its preparation, its command). */
    private record Built(Path jar, long size, FileTime modified) {
    }

    private static final Map<Built, String> HASHES = new ConcurrentHashMap<>();

    private static String sha256(Path file) {
        try {
            Built built = new Built(file, Files.size(file), Files.getLastModifiedTime(file));
            return HASHES.computeIfAbsent(built, b -> digest(b.jar()));
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String digest(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
