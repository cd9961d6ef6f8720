package io.xxgk.store.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A statistical period as a request names it, each parameter as given (null when absent): one
 * of {@code year=2024}, {@code academicYear=2020} (1 September to 31 August) or
 * {@code from=2021-01-01&to=2021-10-30} (both days included). The one parser of periods; the
 * dashboard binds it from the query string.
 */
public record PeriodQuery(String year, String academicYear, String from, String to) {

    /** The years any period may lie in: wide enough for every report, narrow enough to refuse typos. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public static final String ACCEPTED = "give one period: year=YYYY, academicYear=YYYY (1 September to 31 August), "
            + "or from=YYYY-MM-DD&to=YYYY-MM-DD (both days included)";

    /** A parameter that names no period, and why. */
    public static final class Invalid extends IllegalArgumentException {
        private final String parameter;
        private final String reason;

        Invalid(String parameter, String reason) {
            super(parameter + " " + reason);
            this.parameter = parameter;
            this.reason = reason;
        }

        public String parameter() {
            return parameter;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * The period, which must have begun by {@code today} (a report of days to come has no figures to give).
     *
     * @throws Invalid naming the parameter at fault
     */
    public ReportPeriod period(LocalDate today) {
        ReportPeriod period = period();
        if (period.from().isAfter(today)) {
            String parameter = year != null ? "year" : academicYear != null ? "academicYear" : "from";
            throw new Invalid(parameter, "names a period that begins after today (" + today + "): it has no figures yet");
        }
        return period;
    }

    /** @throws Invalid naming the parameter at fault */
    public ReportPeriod period() {
        boolean range = from != null || to != null;
        int given = (year != null ? 1 : 0) + (academicYear != null ? 1 : 0) + (range ? 1 : 0);
        if (given != 1) {
            throw new Invalid("period", (given > 1 ? "more than one period given; " : "no period given; ") + ACCEPTED);
        }
        if (year != null) {
            return ReportPeriod.year(year("year", year));
        }
        if (academicYear != null) {
            return ReportPeriod.academicYear(year("academicYear", academicYear));
        }
        LocalDate first = day("from", from, "to");
        LocalDate last = day("to", to, "from");
        if (last.isBefore(first)) {
            throw new Invalid("to", "must not be before from (" + first + ")");
        }
        return ReportPeriod.range(first, last);
    }

    /** A year from {@value #FIRST_YEAR} to {@value #LAST_YEAR}. */
    public static int year(String parameter, String value) {
        int year;
        try {
            year = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Invalid(parameter, "must be a year like 2024; " + ACCEPTED);
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new Invalid(parameter, "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return year;
    }

    private static LocalDate day(String parameter, String value, String other) {
        if (value == null) {
            throw new Invalid(parameter, "is required with " + other + "; " + ACCEPTED);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Invalid(parameter, "must be a day like 2024-10-30 (YYYY-MM-DD)");
        }
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw new Invalid(parameter, "must be a day from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return day;
    }
}
