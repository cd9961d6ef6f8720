package io.xxgk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real office suite opening a document: LibreOffice headless converts it to PDF, as a writer's
 * Word, WPS or Excel would have to read it. CI installs it (Debian's libreoffice-writer and
 * libreoffice-calc); a test that needs it fails without it, saying how to install it.
 */
public final class LibreOffice {

    private static final Path SOFFICE = Path.of("/usr/bin/soffice");
    private static final long TIMEOUT_SECONDS = 180;

    private LibreOffice() {
    }

    /** The PDF LibreOffice makes of {@code document}, beside it; fails with LibreOffice's words if it cannot. */
    public static synchronized Path toPdf(Path document) throws IOException, InterruptedException {
        if (!Files.isExecutable(SOFFICE)) {
            throw new IllegalStateException("LibreOffice is not installed: apt-get install libreoffice-writer libreoffice-calc (.ci/run does)");
        }
        Path directory = document.toAbsolutePath().getParent();
        // a profile of its own, so that a desktop LibreOffice of the same user neither blocks nor is disturbed
        Path profile = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "xxgk-libreoffice-profile"));
        Path log = Files.createTempFile("soffice", ".log");
        Process process = new ProcessBuilder(List.of(SOFFICE.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", directory.toString(), document.toAbsolutePath().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("LibreOffice did not convert " + document + " within " + TIMEOUT_SECONDS + " s");
        }
        String name = document.getFileName().toString();
        Path pdf = directory.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
        if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
            throw new IllegalStateException("LibreOffice could not open " + document + " (exit " + process.exitValue() + "): "
                    + Files.readString(log));
        }
        Files.deleteIfExists(log);
        return pdf;
    }
}
