package io.xxgk.store.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void calendarYear() {
        assertThat(ReportPeriod.year(2024)).isEqualTo(new ReportPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "2024年度"));
    }

    @Test
    void academicYearRunsFromSeptemberToAugust() {
        assertThat(ReportPeriod.academicYear(2020))
                .isEqualTo(new ReportPeriod(LocalDate.of(2020, 9, 1), LocalDate.of(2021, 8, 31), "2020-2021学年"));
    }

    @Test
    void rangesAreLabelledLikeTheReports() {
        assertThat(ReportPeriod.range(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 10, 30)).label()).isEqualTo("2021年1月1日至10月30日");
        assertThat(ReportPeriod.range(LocalDate.of(2019, 9, 1), LocalDate.of(2020, 10, 31)).label()).isEqualTo("2019年9月1日至2020年10月31日");
    }

    @Test
    void theYearBeforeKeepsTheKindOfPeriod() {
        assertThat(ReportPeriod.year(2024).yearBefore()).isEqualTo(ReportPeriod.year(2023));
        assertThat(ReportPeriod.academicYear(2020).yearBefore()).isEqualTo(ReportPeriod.academicYear(2019));
        assertThat(ReportPeriod.range(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 10, 30)).yearBefore().label())
                .isEqualTo("2020年1月1日至10月30日");
    }

    @Test
    void aPeriodCannotEndBeforeItBegins() {
        assertThatThrownBy(() -> ReportPeriod.range(LocalDate.of(2021, 2, 1), LocalDate.of(2021, 1, 1)))
                .hasMessageContaining("ends (2021-01-01) before it begins (2021-02-01)");
    }
}
