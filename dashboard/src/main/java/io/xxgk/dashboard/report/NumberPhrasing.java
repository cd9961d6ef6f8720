package io.xxgk.dashboard.report;

import java.math.BigDecimal;

/**
 * How the annual reports write a figure: exactly (1085), or rounded the way report writers round
 * (7000余, 190余万, 2000万多, 近8万, 78万). The exact figure is always kept beside the phrase; the
 * writer chooses the style per figure. The unit (条, 次, 人) is the caller's: it follows the phrase.
 *
 * <p>Rounding keeps one significant digit, or two when the first is 1 (1300余, 190余万), as the
 * reports do; amounts from 10 000 on are written in 万, from 100 000 000 on in 亿.
 */
public final class NumberPhrasing {

    /** The styles found in real reports. */
    public enum Style {
        /** 1085 */
        EXACT,
        /** 7000余, 190余万: a round number and a little more (exact when there is nothing more) */
        OVER,
        /** 2000万多, 200多: the same, spoken: 多 after the unit */
        MORE,
        /** 近8万: a little under a round number (within a tenth); otherwise as {@link #OVER} */
        NEARLY,
        /** 78万: the nearest round number, two significant digits */
        ROUNDED
    }

    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;
    /** 近 only when the round number is less than this share above the figure. */
    private static final double NEARLY_WITHIN = 0.10;

    private NumberPhrasing() {
    }

    public static String phrase(long n, Style style) {
        if (n < 0) {
            throw new IllegalArgumentException("a count is never negative: " + n);
        }
        if (n < 10 || style == Style.EXACT) {
            return Long.toString(n);
        }
        return switch (style) {
            case OVER -> over(n, "余");
            case MORE -> over(n, "多");
            case NEARLY -> nearly(n);
            case ROUNDED -> inUnits(roundHalfUp(n, 2));
            case EXACT -> throw new AssertionError("handled above");
        };
    }

    private static String over(long n, String marker) {
        long round = roundDown(n, significantDigits(n));
        if (round == n) {
            return inUnits(n);
        }
        String written = inUnits(round);
        // 余 goes between a whole amount of two digits or more and its unit (190余万), else last
        // (2万余, 1.2万余, 7000余); 多 always last (2000万多)
        String amount = written.substring(0, written.length() - 1);
        if (marker.equals("余") && (written.endsWith("万") || written.endsWith("亿")) && amount.length() >= 2 && !amount.contains(".")) {
            return written.substring(0, written.length() - 1) + "余" + written.substring(written.length() - 1);
        }
        return written + marker;
    }

    private static String nearly(long n) {
        long round = roundUp(n, significantDigits(n));
        if (round == n) {
            return inUnits(n);
        }
        if (round - n >= round * NEARLY_WITHIN) {
            return over(n, "余");
        }
        return "近" + inUnits(round);
    }

    /** One significant digit, two when the first is 1. */
    private static int significantDigits(long n) {
        return Long.toString(n).charAt(0) == '1' ? 2 : 1;
    }

    private static long roundDown(long n, int digits) {
        long step = step(n, digits);
        return n / step * step;
    }

    private static long roundUp(long n, int digits) {
        long step = step(n, digits);
        return (n + step - 1) / step * step;
    }

    private static long roundHalfUp(long n, int digits) {
        long step = step(n, digits);
        return (n + step / 2) / step * step;
    }

    private static long step(long n, int digits) {
        int length = Long.toString(n).length();
        long step = 1;
        for (int i = 0; i < length - digits; i++) {
            step *= 10;
        }
        return step;
    }

    /** 7000, 1.2万, 190万, 1.2亿: whole amounts of 万 and 亿 written with their decimals, if any. */
    private static String inUnits(long n) {
        if (n >= YI) {
            return decimal(n, YI) + "亿";
        }
        if (n >= WAN) {
            return decimal(n, WAN) + "万";
        }
        return Long.toString(n);
    }

    private static String decimal(long n, long unit) {
        return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }
}
