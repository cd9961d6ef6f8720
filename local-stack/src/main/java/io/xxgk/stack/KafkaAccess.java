package io.xxgk.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How a client reaches the stack's broker: its address and, when stack.env names a key store
 * ({@link StackKeys#KAFKA_TLS_KEYSTORE}), the trust store of a broker that listens on TLS only.
 * The same settings reach every client the stack starts or runs: the services (as Spring's
 * {@code spring.kafka.*}), the command line's registry client, the broker's own health check.
 */
public record KafkaAccess(String bootstrap, Optional<Tls> tls) {

    /** PKCS#12 stores, one password for both (the local stack's certificates are made for it, not issued). */
    public record Tls(Path keyStore, Path trustStore, String password) {
    }

    public static KafkaAccess of(StackEnv env) {
        String bootstrap = env.find(StackKeys.KAFKA_BOOTSTRAP)
                .orElseThrow(() -> new StackException("no stack here: start it first (./xxgk up)"));
        Optional<Tls> tls = env.find(StackKeys.KAFKA_TLS_KEYSTORE).map(keyStore -> new Tls(Path.of(keyStore),
                Path.of(required(env, StackKeys.KAFKA_TLS_TRUSTSTORE)), required(env, StackKeys.KAFKA_TLS_PASSWORD)));
        return new KafkaAccess(bootstrap, tls);
    }

    /** PLAINTEXT or SSL: the protocol of the broker's one listener for clients (and of its controller's). */
    String protocol() {
        return tls.isPresent() ? "SSL" : "PLAINTEXT";
    }

    /** The settings of a Kafka client of this broker (producer, consumer or admin). */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        tls.ifPresent(t -> {
            config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
            config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, t.trustStore().toString());
            config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, t.password());
            config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        });
        return config;
    }

    /** The same, for a Spring Boot service (relaxed binding of {@code spring.kafka.*}). */
    Map<String, String> springEnvironment() {
        Map<String, String> vars = new HashMap<>();
        vars.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        tls.ifPresent(t -> {
            vars.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SSL");
            vars.put("SPRING_KAFKA_SSL_TRUSTSTORELOCATION", t.trustStore().toUri().toString());
            vars.put("SPRING_KAFKA_SSL_TRUSTSTOREPASSWORD", t.password());
            vars.put("SPRING_KAFKA_SSL_TRUSTSTORETYPE", "PKCS12");
        });
        return vars;
    }

    /** The broker's own TLS settings for server.properties, empty without TLS. */
    String brokerProperties() {
        return tls.map(t -> """
                ssl.keystore.type=PKCS12
                ssl.keystore.location=%1$s
                ssl.keystore.password=%3$s
                ssl.key.password=%3$s
                ssl.truststore.type=PKCS12
                ssl.truststore.location=%2$s
                ssl.truststore.password=%3$s
                ssl.client.auth=none
                """.formatted(t.keyStore(), t.trustStore(), t.password())).orElse("");
    }

    private static String required(StackEnv env, String key) {
        return env.find(key).orElseThrow(() -> new StackException(StackKeys.KAFKA_TLS_KEYSTORE + " is set in stack.env but " + key
                + " is not: a broker on TLS needs its trust store and the stores' password too"));
    }
}
