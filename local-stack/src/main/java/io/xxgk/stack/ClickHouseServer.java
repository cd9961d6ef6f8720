package io.xxgk.stack;

import java.nio.file.Path;
import java.util.List;

/** ClickHouse 26.7 (the engine inside chDB's library) serving HTTP and native protocol on loopback. */
record ClickHouseServer(Versions versions) implements Component {

    static final String HTTP_PORT = "CLICKHOUSE_HTTP_PORT";
    static final String TCP_PORT = "CLICKHOUSE_TCP_PORT";

    @Override
    public String name() {
        return "clickhouse";
    }

    @Override
    public List<String> portKeys() {
        return List.of(HTTP_PORT, TCP_PORT);
    }

    @Override
    public void describe(StackEnv env) {
        env.put(StackKeys.CLICKHOUSE_URL, "http://127.0.0.1:" + env.get(HTTP_PORT));
    }

    @Override
    public List<String> command(StackHome home, StackEnv env) {
        // the heap is small: ClickHouse's memory is native
        return List.of(Component.java(), "-Xmx48m", "-XX:+UseSerialGC",
                "-cp", absoluteClasspath(), ChdbServerMain.class.getName(),
                ChdbLibrary.ensure(home, versions).toString(), home.dataDir(name()).toString(),
                env.get(HTTP_PORT), env.get(TCP_PORT), home.backupsDir().toString());
    }

    /** Our own classpath (JNA and this module), absolute: the server runs in the stack's folder. */
    private static String absoluteClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    @Override
    public String address(StackEnv env) {
        return env.get(StackKeys.CLICKHOUSE_URL);
    }

    @Override
    public boolean healthy(StackEnv env) {
        return Http.ok(env.get(StackKeys.CLICKHOUSE_URL) + "/ping");
    }
}
