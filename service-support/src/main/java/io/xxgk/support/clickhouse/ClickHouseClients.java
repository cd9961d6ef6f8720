package io.xxgk.support.clickhouse;

import com.clickhouse.client.api.Client;

/** The one place a ClickHouse client is configured, so the bean and the migration bootstrap agree. */
public final class ClickHouseClients {

    private ClickHouseClients() {
    }

    /** A builder for the server in {@code properties}, without a default database. */
    public static Client.Builder builder(ClickHouseProperties properties) {
        Client.Builder builder = new Client.Builder()
                .addEndpoint(properties.url())
                .setUsername(properties.username())
                .setPassword(properties.password())
                .compressServerResponse(true);
        if (!properties.rootCertificate().isBlank()) {
            builder.setRootCertificate(properties.rootCertificate());
        }
        return builder;
    }
}
