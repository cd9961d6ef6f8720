package io.xxgk.dashboard.web;

import io.xxgk.registry.Org;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

/** The years the pages offer and the APIs accept. */
public final class ReportYears {

    private static final int OFFERED = 6;

    private ReportYears() {
    }

    /** This year where the reports are written. */
    public static int current() {
        return LocalDate.now(ZoneId.of(Org.DEFAULT_TIME_ZONE)).getYear();
    }

    /** This year and the five before it, newest first. */
    public static List<Integer> offered() {
        int now = current();
        return IntStream.range(0, OFFERED).mapToObj(i -> now - i).toList();
    }
}
