package io.xxgk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The whole stack against a broker that listens on TLS only, its certificate made here: every
 * Kafka client of every service (events, registry, health, lag) and of {@code ./xxgk} must be
 * given the TLS settings, or the stack does not come up, the demo's events are not stored or a
 * token made on the command line never reaches ingest.
 */
class TlsBrokerTest {

    private static final LocalStack STACK = new LocalStack();

    @Test
    void theWholeStackWorksWithABrokerOnTlsOnly() throws Exception {
        Path tls = STACK.state().resolve("tls");
        String password = UUID.randomUUID().toString();
        makeCertificate(tls, password);
        StackEnv env = STACK.env();
        env.put(StackKeys.KAFKA_TLS_KEYSTORE, tls.resolve("broker.p12").toString());
        env.put(StackKeys.KAFKA_TLS_TRUSTSTORE, tls.resolve("trust.p12").toString());
        env.put(StackKeys.KAFKA_TLS_PASSWORD, password);
        env.save(STACK.state().resolve("stack.env"));

        LocalStack.Run demo = STACK.xxgk("demo");

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("all accepted: true", "stored in ClickHouse, each once");
        assertThat(STACK.xxgk("status").exitCode()).as("all healthy, the broker's health read over TLS").isZero();

        // the broker's one port for clients speaks TLS only: a plain client gets no answer
        try (Admin plain = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.env().get(StackKeys.KAFKA_BOOTSTRAP),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
            assertThatThrownBy(() -> plain.describeCluster().nodes().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }

        // the registry over TLS, from the command line to ingest and back
        String token = STACK.xxgk("token", "create", "--org", "demo", "--channels", "website").output().strip().lines().toList().getLast();
        await().atMost(Duration.ofSeconds(10)).until(() -> STACK.postItem(token, "website").statusCode() == 202);
        assertThat(STACK.xxgk("token", "revoke", token).exitCode()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> STACK.postItem(token, "website").statusCode() == 401);
    }

    /** A self-signed certificate for 127.0.0.1 in a PKCS#12 key store, and a trust store holding it. */
    private static void makeCertificate(Path dir, String password) throws Exception {
        Files.createDirectories(dir);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        keytool(List.of(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", dir.resolve("broker.p12").toString(), "-storepass", password, "-keypass", password));
        keytool(List.of(keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", dir.resolve("broker.p12").toString(),
                "-storepass", password, "-file", dir.resolve("broker.pem").toString()));
        keytool(List.of(keytool, "-importcert", "-noprompt", "-alias", "broker", "-file", dir.resolve("broker.pem").toString(),
                "-storetype", "PKCS12", "-keystore", dir.resolve("trust.p12").toString(), "-storepass", password));
    }

    private static void keytool(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        STACK.close();
    }
}
