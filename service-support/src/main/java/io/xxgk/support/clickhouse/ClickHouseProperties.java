package io.xxgk.support.clickhouse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services find ClickHouse.
 *
 * @param url             HTTP endpoint of the server; {@code https://…:8443} for TLS
 * @param database        the platform's database; created by the aggregator's migrations
 * @param rootCertificate a PEM file of the CA that signed the server's certificate, when the JVM's
 *                        trust store does not know it (an in-house CA); empty: the JVM's
 * @param cluster         the cluster (in the servers' {@code remote_servers}) whose replicas hold the
 *                        tables: the aggregator's migrations then run {@code ON CLUSTER} with
 *                        replicated engines (docs/operations.md); empty: a single server
 */
@ConfigurationProperties("xxgk.clickhouse")
public record ClickHouseProperties(
        @DefaultValue("http://127.0.0.1:8123") String url,
        @DefaultValue("xxgk") String database,
        @DefaultValue("default") String username,
        @DefaultValue("") String password,
        @DefaultValue("") String rootCertificate,
        @DefaultValue("") String cluster) {

    @ConstructorBinding
    public ClickHouseProperties {
    }

    /** A server reached over plain HTTP or with the JVM's trust store. */
    public ClickHouseProperties(String url, String database, String username, String password) {
        this(url, database, username, password, "", "");
    }
}
