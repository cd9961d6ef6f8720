package io.xxgk.client;

/**
 * Ingest refused a request for good (400, 401, 403, 413, 415): retrying would not help. Nothing of
 * that request was accepted; the requests before it were.
 *
 * @see XxgkClient#send
 */
public final class IngestRefused extends RuntimeException {

    private final int status;
    private final String problem;
    private final long acceptedBefore;

    IngestRefused(int status, String problem, long acceptedBefore) {
        super("ingest answered " + status + " (" + acceptedBefore + " events accepted before): " + problem);
        this.status = status;
        this.problem = problem;
        this.acceptedBefore = acceptedBefore;
    }

    public int status() {
        return status;
    }

    /** The problem+json body, naming each bad event and field. */
    public String problem() {
        return problem;
    }

    public long acceptedBefore() {
        return acceptedBefore;
    }
}
