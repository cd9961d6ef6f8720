package io.xxgk.stack;

/** The keys of stack.env that users and checks rely on (the local-stack contract of DESIGN.md). */
public final class StackKeys {

    public static final String INGEST_URL = "INGEST_URL";
    public static final String AGGREGATOR_URL = "AGGREGATOR_URL";
    public static final String DASHBOARD_URL = "DASHBOARD_URL";
    public static final String DEMO_ORG = "DEMO_ORG";
    public static final String DEMO_TOKEN = "DEMO_TOKEN";
    public static final String DASHBOARD_USER = "DASHBOARD_USER";
    public static final String DASHBOARD_PASSWORD = "DASHBOARD_PASSWORD";
    public static final String KAFKA_BOOTSTRAP = "KAFKA_BOOTSTRAP";
    public static final String CLICKHOUSE_URL = "CLICKHOUSE_URL";
    /** Optional, set before {@code up}: the broker's PKCS#12 key store; with it the broker listens on TLS only. */
    public static final String KAFKA_TLS_KEYSTORE = "KAFKA_TLS_KEYSTORE";
    /** With {@link #KAFKA_TLS_KEYSTORE}: the PKCS#12 trust store every client of the broker is given. */
    public static final String KAFKA_TLS_TRUSTSTORE = "KAFKA_TLS_TRUSTSTORE";
    /** With {@link #KAFKA_TLS_KEYSTORE}: the password of both stores. */
    public static final String KAFKA_TLS_PASSWORD = "KAFKA_TLS_PASSWORD";

    private StackKeys() {
    }
}
