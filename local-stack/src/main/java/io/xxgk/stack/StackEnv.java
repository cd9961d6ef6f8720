package io.xxgk.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The stack's {@code stack.env}: shell {@code KEY=value} lines with the ports, URLs and demo
 * credentials. Values are chosen once (free ports, random secrets) and then kept, so a stack that
 * comes back after a crash listens where its users expect it.
 */
public final class StackEnv {

    private static final int LOW_PORTS_FROM = 20_000;
    private static final int LOW_PORTS_TO = 32_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> values;

    private StackEnv(Map<String, String> values) {
        this.values = values;
    }

    public static StackEnv load(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        values.put(line.substring(0, eq).trim(), unquote(line.substring(eq + 1).trim()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new StackEnv(values);
    }

    public void save(Path file) {
        StringBuilder out = new StringBuilder("# Written by ./xxgk up: the local stack's addresses and demo credentials.\n");
        values.forEach((k, v) -> out.append(k).append('=').append(quote(v)).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String get(String key) {
        return find(key).orElseThrow(() -> new StackException(key + " is not set in stack.env"));
    }

    public int port(String key) {
        return Integer.parseInt(get(key));
    }

    public String computeIfAbsent(String key, Supplier<String> value) {
        return values.computeIfAbsent(key, k -> value.get());
    }

    public void put(String key, String value) {
        values.put(key, value);
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    /**
     * A port nothing listens on now, below the kernel's ephemeral range (Linux: 32768 and up): a
     * port the OS picks from that range may become some connection's local port before the
     * component binds it (seen: "port … is taken by another program" on a fresh stack). Random, so
     * that two stacks rarely pick the same; the bind check makes sure none is in use.
     */
    public static String freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LOW_PORTS_FROM + RANDOM.nextInt(LOW_PORTS_TO - LOW_PORTS_FROM);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return Integer.toString(socket.getLocalPort());
            } catch (IOException taken) {
                // another one
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String secret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String quote(String value) {
        return value.matches("[A-Za-z0-9_./:@,+=-]*") ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("'\\''", "'");
        }
        return value;
    }
}
