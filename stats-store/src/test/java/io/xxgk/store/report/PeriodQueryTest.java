package io.xxgk.store.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Periods as requests name them: one kind of period, each parameter checked and named when wrong. */
class PeriodQueryTest {

    @Test
    void eachKindOfPeriod() {
        assertThat(new PeriodQuery("2024", null, null, null).period()).isEqualTo(ReportPeriod.year(2024));
        assertThat(new PeriodQuery(null, "2020", null, null).period()).isEqualTo(ReportPeriod.academicYear(2020));
        assertThat(new PeriodQuery(null, null, "2021-01-01", "2021-10-30").period())
                .isEqualTo(ReportPeriod.range(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 10, 30)));
    }

    @Test
    void aPeriodThatBeginsAfterTodayIsRefusedAndOneInProgressIsNot() {
        LocalDate today = LocalDate.of(2026, 12, 1);

        assertThat(new PeriodQuery("2026", null, null, null).period(today)).isEqualTo(ReportPeriod.year(2026));
        assertThatThrownBy(() -> new PeriodQuery("2027", null, null, null).period(today))
                .isInstanceOfSatisfying(PeriodQuery.Invalid.class, e -> assertThat(e.parameter()).isEqualTo("year"));
        assertThatThrownBy(() -> new PeriodQuery(null, "2027", null, null).period(today))
                .isInstanceOfSatisfying(PeriodQuery.Invalid.class, e -> assertThat(e.parameter()).isEqualTo("academicYear"));
        assertThatThrownBy(() -> new PeriodQuery(null, null, "2026-12-02", "2026-12-31").period(today))
                .isInstanceOfSatisfying(PeriodQuery.Invalid.class, e -> assertThat(e.parameter()).isEqualTo("from"));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "-, -, -, -, period",
            "2024, 2024, -, -, period",
            "2024, -, 2024-01-01, -, period",
            "24x, -, -, -, year",
            "1999, -, -, -, year",
            "2101, -, -, -, year",
            "-, '', -, -, academicYear",
            "-, -, 2024-01-01, -, to",
            "-, -, -, 2024-01-01, from",
            "-, -, 2024-13-01, 2024-12-31, from",
            "-, -, 2024-12-31, 2024-01-01, to",
            "-, -, 1999-12-31, 2024-01-01, from",
    })
    void aBadPeriodNamesTheParameter(String year, String academicYear, String from, String to, String parameter) {
        assertThatThrownBy(() -> new PeriodQuery(year, academicYear, from, to).period())
                .isInstanceOfSatisfying(PeriodQuery.Invalid.class, e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
