package io.xxgk.ingest;

import static io.xxgk.ingest.IngestClient.published;
import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.testing.RealServers;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * TLS is configuration only: Spring Boot's {@code server.ssl.*} (here a certificate made by the
 * JDK's keytool for this test) and adapters reach ingest over HTTPS, the token travelling encrypted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TlsTest extends IngestServerTest {

    private static final TestTenant TENANT = TestTenant.create();
    private static final String TOPIC = RealServers.uniqueName("events");
    private static final String PASSWORD = "changeit";
    private static final Path KEYSTORE = selfSignedKeystore();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TENANT.register(registry, TOPIC);
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> KEYSTORE.toUri().toString());
        registry.add("server.ssl.key-store-password", () -> PASSWORD);
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
    }

    @Test
    void adaptersSendOverHttps() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(KEYSTORE)).build();

        HttpResponse<String> reply = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/v1/events"))
                .header("Content-Type", "application/cloudevents+json").header("Authorization", "Bearer " + TENANT.full())
                .POST(HttpRequest.BodyPublishers.ofString(published("tls-1", "website"))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);
        assertThat(https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private static Path selfSignedKeystore() {
        try {
            Path keystore = Files.createTempDirectory("xxgk-tls").resolve("ingest.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "ingest", "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return keystore;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
