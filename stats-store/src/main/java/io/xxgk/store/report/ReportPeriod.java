package io.xxgk.store.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A statistical period: whole local days, both ends included, with the label reports print.
 *
 * @param from  first day
 * @param to    last day
 * @param label 2024年度, 2020-2021学年, 2021年1月1日至10月30日
 */
public record ReportPeriod(LocalDate from, LocalDate to, String label) {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M月d日");

    public ReportPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it begins (" + from + ")");
        }
    }

    /** 1 January to 31 December. */
    public static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year + "年度");
    }

    /** 1 September of {@code startYear} to 31 August of the next year. */
    public static ReportPeriod academicYear(int startYear) {
        return new ReportPeriod(LocalDate.of(startYear, 9, 1), LocalDate.of(startYear + 1, 8, 31),
                startYear + "-" + (startYear + 1) + "学年");
    }

    /** Any range of days, e.g. 1 January to 30 October when the report is due in autumn. */
    public static ReportPeriod range(LocalDate from, LocalDate to) {
        String end = from.getYear() == to.getYear() ? to.format(MONTH_DAY) : to.format(FULL);
        return new ReportPeriod(from, to, from.format(FULL) + "至" + end);
    }

    /** The day the period's figures stand at: its last day, or {@code today} if it has not ended. */
    public LocalDate asOf(LocalDate today) {
        return to.isAfter(today) ? today : to;
    }

    /** The same span one year earlier (this year against last year). */
    public ReportPeriod yearBefore() {
        LocalDate earlierFrom = from.minusYears(1);
        LocalDate earlierTo = to.minusYears(1);
        if (label.endsWith("年度")) {
            return year(from.getYear() - 1);
        }
        if (label.endsWith("学年")) {
            return academicYear(from.getYear() - 1);
        }
        return range(earlierFrom, earlierTo);
    }
}
