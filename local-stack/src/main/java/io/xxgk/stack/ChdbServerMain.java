package io.xxgk.stack;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The process behind the {@code clickhouse} component: loads chDB's library and runs ClickHouse's
 * own command line in it, which opens the real HTTP and native servers on loopback. The final query
 * never ends; the servers answer as long as it runs. Stopped by a signal like any server.
 *
 * <p>Arguments: {@code LIBCHDB DATA_DIR HTTP_PORT TCP_PORT BACKUPS_DIR}.
 */
public final class ChdbServerMain {

    interface Chdb extends Library {
        Pointer chdb_query_cmdline(int argc, String[] argv);

        String chdb_result_error(Pointer result);
    }

    private static final String KEEP_ALIVE =
            "SELECT sleepEachRow(1) FROM system.numbers SETTINGS max_block_size = 1 FORMAT Null";

    private ChdbServerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: ChdbServerMain LIBCHDB DATA_DIR HTTP_PORT TCP_PORT BACKUPS_DIR");
            System.exit(2);
        }
        Chdb chdb = Native.load(args[0], Chdb.class);
        String[] argv = {
            "clickhouse",
            "--path=" + args[1],
            "--listen_host=127.0.0.1",
            "--http_port=" + args[2],
            "--tcp_port=" + args[3],
            "--multiquery",
            "--query", "SYSTEM START LISTEN HTTP; SYSTEM START LISTEN TCP; " + KEEP_ALIVE,
            // server settings come after "--" (clickhouse-local's way); the File backup engine needs its folder named
            "--", "--backups.allowed_path=" + args[4],
        };
        Pointer result = chdb.chdb_query_cmdline(argv.length, argv);
        String error = result == null ? "no result" : chdb.chdb_result_error(result);
        System.err.println("clickhouse stopped: " + error);
        System.exit(1);
    }
}
