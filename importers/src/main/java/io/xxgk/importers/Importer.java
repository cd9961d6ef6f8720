package io.xxgk.importers;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one kind of file into events. Pure: nothing is sent; the same file always gives the same events and ids. */
public sealed interface Importer permits SpreadsheetImporter, DatacubeImporter, AccessLogImporter, RunningTotalsImporter {

    FileImport read(Path file) throws IOException;
}
