package io.xxgk.store;

import com.clickhouse.client.api.Client;
import io.xxgk.store.events.EventsTable;
import java.nio.file.Path;

/**
 * ClickHouse's own BACKUP and RESTORE of the whole database (the events, the rollups, the offset
 * ledger, the applied migrations) to and from a folder the server may write (its
 * {@code backups.allowed_path}). The rollups come back as they were, not rebuilt: a restored
 * report is the report that was backed up.
 */
public final class DatabaseBackup {

    private final Client clickHouse;
    private final String database;

    public DatabaseBackup(Client clickHouse, String database) {
        this.clickHouse = clickHouse;
        this.database = database;
    }

    /** Events stored, copies not yet merged away included; 0 when the database or its table does not exist. */
    public long events() {
        return new EventsTable(clickHouse, database).rowCount();
    }

    /** Backs the database up into {@code folder}, which the server creates. */
    public void backup(Path folder) {
        clickHouse.queryAll("BACKUP DATABASE `" + database + "` TO File(" + literal(folder) + ")");
    }

    /**
     * Restores the database from {@code folder} into a server that holds no events: an empty
     * database (the services' migrations make one as they start) is dropped first.
     *
     * @param forgetOffsets the backup's offsets are of another Kafka cluster's events topic, whose
     *                      ranges must not be taken for this one's: the offset ledger is emptied
     */
    public void restore(Path folder, boolean forgetOffsets) {
        requireNoEvents();
        clickHouse.queryAll("DROP DATABASE IF EXISTS `" + database + "` SYNC");
        clickHouse.queryAll("RESTORE DATABASE `" + database + "` FROM File(" + literal(folder) + ")");
        if (forgetOffsets) {
            clickHouse.queryAll("TRUNCATE TABLE IF EXISTS `" + database + "`.offset_ledger");
        }
    }

    /** Refuses a database that holds events: a restore never replaces counted events. */
    public void requireNoEvents() {
        long held = events();
        if (held > 0) {
            throw new IllegalStateException("ClickHouse already holds " + held + " events in database " + database
                    + ": a restore goes into a stack without events (a new --state folder, or the old one deleted)");
        }
    }

    /** A path as a string literal: BACKUP and RESTORE take no query parameters. */
    private static String literal(Path folder) {
        String path = folder.toAbsolutePath().normalize().toString();
        if (path.contains("'") || path.contains("\\")) {
            throw new IllegalArgumentException("a backup folder's path may not contain ' or \\: " + path);
        }
        return "'" + path + "'";
    }
}
