package io.xxgk.registry;

/** An edit that starts from a version someone has saved over since: reload and edit again. */
public final class StaleVersion extends RuntimeException {

    private final int current;

    StaleVersion(String what, int current, int editedFrom) {
        super(what + " is at version " + current + ", this edit starts from " + editedFrom + ": reload and edit again");
        this.current = current;
    }

    public int current() {
        return current;
    }
}
