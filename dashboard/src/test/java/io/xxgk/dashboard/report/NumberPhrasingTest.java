package io.xxgk.dashboard.report;

import static io.xxgk.dashboard.report.NumberPhrasing.Style.EXACT;
import static io.xxgk.dashboard.report.NumberPhrasing.Style.MORE;
import static io.xxgk.dashboard.report.NumberPhrasing.Style.NEARLY;
import static io.xxgk.dashboard.report.NumberPhrasing.Style.OVER;
import static io.xxgk.dashboard.report.NumberPhrasing.Style.ROUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xxgk.dashboard.report.NumberPhrasing.Style;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class NumberPhrasingTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // the real reports' figures
            "7321, OVER, 7000余",
            "1912345, OVER, 190余万",
            "20345678, MORE, 2000万多",
            "78000, NEARLY, 近8万",
            "781234, ROUNDED, 78万",
            "1085, EXACT, 1085",
            "59317, EXACT, 59317",
            "2104, OVER, 2000余",
            "236, OVER, 200余",
            "512, OVER, 500余",
            "731, OVER, 700余",
            // exact when there is nothing more or less to say
            "7000, OVER, 7000",
            "7000, MORE, 7000",
            "80000, NEARLY, 8万",
            "1900000, OVER, 190万",
            "0, OVER, 0",
            "0, MORE, 0",
            "0, NEARLY, 0",
            "0, ROUNDED, 0",
            "0, EXACT, 0",
            // under ten: nothing to round
            "1, OVER, 1",
            "9, OVER, 9",
            "9, NEARLY, 9",
            "9, ROUNDED, 9",
            "9, MORE, 9",
            // two significant digits when the first is 1
            "10, OVER, 10",
            "11, OVER, 11",
            "19, OVER, 19",
            "20, OVER, 20",
            "21, OVER, 20余",
            "99, OVER, 90余",
            "100, OVER, 100",
            "101, OVER, 100余",
            "109, OVER, 100余",
            "110, OVER, 110",
            "119, OVER, 110余",
            "199, OVER, 190余",
            "999, OVER, 900余",
            "1000, OVER, 1000",
            "1001, OVER, 1000余",
            "1300, OVER, 1300",
            "1351, OVER, 1300余",
            "9999, OVER, 9000余",
            // 万: whole amounts take 余 before the unit, decimal ones after it
            "10000, OVER, 1万",
            "10001, OVER, 1万余",
            "12345, OVER, 1.2万余",
            "19999, OVER, 1.9万余",
            "20000, OVER, 2万",
            "23456, OVER, 2万余",
            "99999, OVER, 9万余",
            "100000, OVER, 10万",
            "123456, OVER, 12余万",
            "999999, OVER, 90余万",
            "1000000, OVER, 100万",
            "1234567, OVER, 120余万",
            "9999999, OVER, 900余万",
            "10000000, OVER, 1000万",
            "19000001, OVER, 1900余万",
            "99999999, OVER, 9000余万",
            // 亿
            "100000000, OVER, 1亿",
            "100000001, OVER, 1亿余",
            "123456789, OVER, 1.2亿余",
            "200000001, OVER, 2亿余",
            "987654321, OVER, 9亿余",
            "1234567890, OVER, 12余亿",
            "12345678901, OVER, 120余亿",
            // 多 after the unit, always
            "236, MORE, 200多",
            "2104, MORE, 2000多",
            "12345, MORE, 1.2万多",
            "1912345, MORE, 190万多",
            "123456789, MORE, 1.2亿多",
            "21, MORE, 20多",
            // 近: just under a round number
            "79999, NEARLY, 近8万",
            "72001, NEARLY, 近8万",
            "71999, NEARLY, 7万余",
            "95, NEARLY, 近100",
            "91, NEARLY, 近100",
            "89, NEARLY, 近90",
            "81, NEARLY, 80余",
            "980, NEARLY, 近1000",
            "1950, NEARLY, 近2000",
            "1899, NEARLY, 近1900",
            "18901, NEARLY, 近1.9万",
            "18000, NEARLY, 1.8万",
            "999999, NEARLY, 近100万",
            "99999999, NEARLY, 近1亿",
            "19999, NEARLY, 近2万",
            // rounded to the nearest, two significant digits
            "12, ROUNDED, 12",
            "125, ROUNDED, 130",
            "124, ROUNDED, 120",
            "995, ROUNDED, 1000",
            "7321, ROUNDED, 7300",
            "12345, ROUNDED, 1.2万",
            "15000, ROUNDED, 1.5万",
            "775000, ROUNDED, 78万",
            "774999, ROUNDED, 77万",
            "1912345, ROUNDED, 190万",
            "123456789, ROUNDED, 1.2亿",
            "9960000, ROUNDED, 1000万",
            // exact, any size
            "9223372036854775807, EXACT, 9223372036854775807",
            "100000000, EXACT, 100000000",
    })
    void phrasesAFigureAsTheReportsDo(long n, Style style, String phrase) {
        assertThat(NumberPhrasing.phrase(n, style)).isEqualTo(phrase);
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void aNegativeCountIsAMistake(Style style) {
        assertThatThrownBy(() -> NumberPhrasing.phrase(-1, style)).isInstanceOf(IllegalArgumentException.class);
    }

    /** What every rounded phrase promises, for many figures: 余/多 never above the figure, 近 never below, within a tenth. */
    @Test
    void roundedPhrasesStayTrueToTheFigure() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long n = (long) Math.pow(10, random.nextDouble() * 11);
            for (Style style : Style.values()) {
                String phrase = NumberPhrasing.phrase(n, style);
                long value = valueOf(phrase);
                switch (style) {
                    case EXACT -> assertThat(value).isEqualTo(n);
                    case OVER, MORE -> assertThat(value).as(phrase).isLessThanOrEqualTo(n).isGreaterThan(n / 2);
                    case NEARLY -> assertThat(value).as(phrase).satisfiesAnyOf(
                            v -> assertThat(v).isGreaterThanOrEqualTo(n).isLessThanOrEqualTo((long) Math.ceil(n / 0.9)),
                            v -> assertThat(v).isLessThanOrEqualTo(n));
                    case ROUNDED -> assertThat((double) Math.abs(value - n)).as(phrase).isLessThanOrEqualTo(n * 0.05 + 0.5);
                }
            }
        }
    }

    private static long valueOf(String phrase) {
        String digits = phrase.replace("近", "").replace("余", "").replace("多", "");
        long unit = 1;
        if (digits.endsWith("亿")) {
            unit = 100_000_000L;
        } else if (digits.endsWith("万")) {
            unit = 10_000L;
        }
        digits = digits.replace("亿", "").replace("万", "");
        return new java.math.BigDecimal(digits).multiply(java.math.BigDecimal.valueOf(unit)).longValueExact();
    }
}
