package io.xxgk.importers;

/** A row that cannot be imported: where it is and why, so the clerk can fix the file. */
public record Problem(String file, long line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
