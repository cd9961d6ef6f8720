package io.xxgk.importers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/** Reads one kind of file into events. Pure: nothing is sent; the same file always gives the same events and ids. */
public sealed interface Importer permits SpreadsheetImporter, DatacubeImporter, AccessLogImporter, RunningTotalsImporter {

    FileImport read(Path file) throws IOException;

    /**
     * The same, telling {@code progress} how many of the file's bytes have been read so far (for a
     * progress bar on large files); importers that read a file at once tell nothing.
     */
    default FileImport read(Path file, LongConsumer progress) throws IOException {
        return read(file);
    }
}
