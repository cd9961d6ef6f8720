package io.xxgk.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ClickHouse engine for machines without Docker: {@code libchdb.so} from chDB's package on the
 * npm registry, fetched once into the shared cache with {@code npm pack} (a plain registry tarball,
 * nothing downloaded at install time) and reused by every stack after.
 */
final class ChdbLibrary {

    private ChdbLibrary() {
    }

    static Path ensure(StackHome home, Versions versions) {
        String override = System.getenv("XXGK_CHDB_LIB");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path dir = home.cache().resolve("chdb").resolve(versions.chdbVersion());
        Path lib = dir.resolve("libchdb.so");
        if (Files.exists(lib)) {
            return lib;
        }
        synchronized (ChdbLibrary.class) {
            if (!Files.exists(lib)) {
                fetch(versions, dir);
            }
        }
        return lib;
    }

    private static void fetch(Versions versions, Path dir) {
        String spec = versions.chdbPackage() + "@" + versions.chdbVersion();
        System.out.println("  clickhouse: fetching the engine once (" + spec + ", ~180 MB from the npm registry)…");
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        try {
            StackHome.deleteTree(tmp);
            Files.createDirectories(tmp);
            run(tmp, List.of("npm", "pack", spec), "npm is needed once to fetch ClickHouse (chDB): install Node.js and npm (e.g. apt-get install npm)");
            try (var tarballs = Files.list(tmp)) {
                Path tarball = tarballs.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new StackException("npm pack " + spec + " produced no tarball"));
                run(tmp, List.of("tar", "xzf", tarball.getFileName().toString(), "package/libchdb.so"), "tar is needed to unpack ClickHouse");
                Files.delete(tarball);
            }
            Files.createDirectories(dir);
            Files.move(tmp.resolve("package/libchdb.so"), dir.resolve("libchdb.so"), StandardCopyOption.ATOMIC_MOVE);
            StackHome.deleteTree(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Path dir, List<String> command, String whenMissing) {
        try {
            // errors reach the user; npm's list of what it packed does not
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new StackException(String.join(" ", command) + " did not finish within 15 minutes");
            }
            if (process.exitValue() != 0) {
                throw new StackException(String.join(" ", command) + " failed (exit " + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new StackException(whenMissing + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}
