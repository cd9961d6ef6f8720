package io.xxgk.contract;

/** The Kafka topics between ingest and aggregator. */
public final class Topics {

    /** Every accepted event, as the adapter sent it (a structured-mode CloudEvent). */
    public static final String EVENTS = "xxgk.events";

    /** Events the aggregator could not read or store, each with the reason in a header. */
    public static final String DEAD_LETTER = "xxgk.events.dead-letter";

    /** Record header naming the org whose token wrote the event: set by ingest, never by an adapter. */
    public static final String ORG_HEADER = "xxgk-org";

    private Topics() {
    }
}
