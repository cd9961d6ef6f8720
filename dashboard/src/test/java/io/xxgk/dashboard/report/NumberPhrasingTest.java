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
            // the real reports' figures, and the ones a writer corrected
            "7321, OVER, 7000余",
            "7145, OVER, 7000余",
            "4773, OVER, 4700余",
            "5952, OVER, 5900余",
            "372, OVER, 370余",
            "59317, OVER, 5.9万余",
            "2999999, OVER, 290余万",
            "1912345, OVER, 190余万",
            "1923456, OVER, 190余万",
            "20345678, MORE, 2000万多",
            "20512345, OVER, 2000余万",
            "20512345, MORE, 2000万多",
            "78000, NEARLY, 近8万",
            "79100, NEARLY, 近8万",
            "73300, NEARLY, 7万余",
            "781234, ROUNDED, 78万",
            "1085, EXACT, 1085",
            "59317, EXACT, 59317",
            "2104, OVER, 2000余",
            "236, OVER, 230余",
            "512, OVER, 500余",
            "731, OVER, 700余",
            // exact when there is nothing more or less to say
            "7000, OVER, 7000",
            "7000, MORE, 7000",
            "80000, NEARLY, 8万",
            "1900000, OVER, 190万",
            "1300, OVER, 1300",
            "0, OVER, 0",
            "0, MORE, 0",
            "0, NEARLY, 0",
            "0, ROUNDED, 0",
            "0, EXACT, 0",
            // small figures: written as they are
            "1, OVER, 1",
            "9, NEARLY, 9",
            "41, OVER, 41",
            "95, NEARLY, 95",
            "99, OVER, 99",
            "99, ROUNDED, 99",
            "21, MORE, 21",
            // within a tenth below, at the coarsest power of ten
            "100, OVER, 100",
            "101, OVER, 100余",
            "110, OVER, 100余",
            "119, OVER, 110余",
            "199, OVER, 190余",
            "999, OVER, 900余",
            "1001, OVER, 1000余",
            "1351, OVER, 1300余",
            "9999, OVER, 9000余",
            // 万: whole amounts take 余 before the unit, decimal ones after it
            "10000, OVER, 1万",
            "10001, OVER, 1万余",
            "12345, OVER, 1.2万余",
            "19999, OVER, 1.9万余",
            "20000, OVER, 2万",
            "23456, OVER, 2.3万余",
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
            "236, MORE, 230多",
            "2104, MORE, 2000多",
            "12345, MORE, 1.2万多",
            "1912345, MORE, 190万多",
            "123456789, MORE, 1.2亿多",
            // 近: within 3 % under a round number, when that is the coarser phrase
            "79999, NEARLY, 近8万",
            "72001, NEARLY, 7万余",
            "71999, NEARLY, 7万余",
            "980, NEARLY, 近1000",
            "1950, NEARLY, 近2000",
            "1899, NEARLY, 近1900",
            "18901, NEARLY, 近1.9万",
            "18000, NEARLY, 1.8万",
            "999999, NEARLY, 近100万",
            "99999999, NEARLY, 近1亿",
            "19999, NEARLY, 近2万",
            "150, NEARLY, 150",
            // the nearest round number within 1 %
            "125, ROUNDED, 125",
            "995, ROUNDED, 1000",
            "7321, ROUNDED, 7300",
            "12345, ROUNDED, 1.23万",
            "15000, ROUNDED, 1.5万",
            "775000, ROUNDED, 78万",
            "774999, ROUNDED, 77万",
            "1912345, ROUNDED, 190万",
            "123456789, ROUNDED, 1.23亿",
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

    /**
     * What every phrase promises, for thousands of seeded figures of every size: 余/多 at most a
     * tenth below the figure, 近 at most 3 % above it, a plain rounded figure within 1 %, small
     * figures and exact ones as they are.
     */
    @Test
    void everyPhraseKeepsTheRuleForItsStyle() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long n = (long) Math.pow(10, random.nextDouble() * 11);
            for (Style style : Style.values()) {
                String phrase = NumberPhrasing.phrase(n, style);
                long value = valueOf(phrase);
                if (n < 100 || style == Style.EXACT) {
                    assertThat(phrase).isEqualTo(Long.toString(n));
                } else if (phrase.startsWith("近")) {
                    assertThat(style).isEqualTo(Style.NEARLY);
                    assertThat((double) n).as(phrase).isLessThan(value).isGreaterThanOrEqualTo(value * 0.97);
                } else if (phrase.contains("余") || phrase.contains("多")) {
                    assertThat(style).isIn(Style.OVER, Style.MORE, Style.NEARLY);
                    assertThat((double) value).as(phrase).isLessThan(n).isGreaterThanOrEqualTo(n * 0.9);
                } else if (style == Style.ROUNDED) {
                    assertThat((double) Math.abs(value - n)).as(phrase).isLessThanOrEqualTo(n * 0.01);
                } else {
                    assertThat(value).as(style + " with nothing to round: " + phrase).isEqualTo(n);
                }
                assertThat(phrase).as("no separators").doesNotContain(",");
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
