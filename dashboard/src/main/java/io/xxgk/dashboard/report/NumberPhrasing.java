package io.xxgk.dashboard.report;

import java.math.BigDecimal;

/**
 * How the annual reports write a figure: exactly (1085), or rounded the way report writers round
 * (7000余, 190余万, 2000万多, 近8万, 78万). The exact figure is always kept beside the phrase; the
 * writer chooses the style per figure. The unit (条, 次, 人) is the caller's: it follows the phrase.
 *
 * <p>A rounded figure never strays far from the truth (DOMAIN.md): {@code X余} and {@code X多}
 * have X ≤ N and X ≥ 0.9 N, {@code 近X} has 0.97 X ≤ N &lt; X, a plain rounded X is within 1 % of N;
 * each at the coarsest power of ten that keeps its promise (4773 is 4700余, not 4000余; 73 300 is
 * 7万余, not 近7.4万). Figures under 100 are always exact, and so is a figure with nothing to
 * round. Amounts from 10 000 on are written in 万, from 100 000 000 on in 亿, without separators.
 */
public final class NumberPhrasing {

    /** The styles found in real reports. */
    public enum Style {
        /** 1085 */
        EXACT,
        /** 7000余, 190余万: a round number and a little more (at most a tenth) */
        OVER,
        /** 2000万多, 200多: the same, spoken: 多 after the unit */
        MORE,
        /** 近8万: a little under a round number (within 3 %), when that is coarser than {@link #OVER} */
        NEARLY,
        /** 78万: the nearest round number within 1 % */
        ROUNDED
    }

    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;
    /** Below this a figure is written as it is: 41条, 15期. */
    static final long SMALL = 100;
    static final double OVER_WITHIN = 0.10;
    static final double NEARLY_WITHIN = 0.03;
    static final double ROUNDED_WITHIN = 0.01;

    private NumberPhrasing() {
    }

    public static String phrase(long n, Style style) {
        if (n < 0) {
            throw new IllegalArgumentException("a count is never negative: " + n);
        }
        if (n < SMALL || style == Style.EXACT) {
            return Long.toString(n);
        }
        return switch (style) {
            case OVER -> over(n, "余");
            case MORE -> over(n, "多");
            case NEARLY -> nearly(n);
            case ROUNDED -> rounded(n);
            case EXACT -> throw new AssertionError("handled above");
        };
    }

    /** A round number, and where it came from. */
    private record Round(long value, long step) {
    }

    /** The coarsest {@code floor(n / step) * step} that is at least 0.9 n: it exists, at step 1 if need be. */
    private static Round below(long n) {
        for (long step = largestStep(n); ; step /= 10) {
            long value = n / step * step;
            if (value >= n * (1 - OVER_WITHIN)) {
                return new Round(value, step);
            }
        }
    }

    /** The coarsest {@code ceil(n / step) * step} above n that n is within 3 % of, if any. */
    private static Round above(long n) {
        for (long step = largestStep(n); step >= 10; step /= 10) {
            long value = (n + step - 1) / step * step;
            if (value > n && n >= value * (1 - NEARLY_WITHIN)) {
                return new Round(value, step);
            }
        }
        return null;
    }

    private static String over(long n, String marker) {
        Round round = below(n);
        if (round.value() == n) {
            return inUnits(n);
        }
        String written = inUnits(round.value());
        // 余 goes between a whole amount of two digits or more and its unit (190余万), else last
        // (2万余, 1.2万余, 7000余); 多 always last (2000万多)
        String amount = written.substring(0, written.length() - 1);
        if (marker.equals("余") && (written.endsWith("万") || written.endsWith("亿")) && amount.length() >= 2 && !amount.contains(".")) {
            return amount + "余" + written.substring(written.length() - 1);
        }
        return written + marker;
    }

    /** 近 where it is the coarser way to say the figure (近8万 for 79 100), else 余 (7万余 for 73 300). */
    private static String nearly(long n) {
        Round under = below(n);
        Round near = above(n);
        if (near == null || near.step() < under.step()) {
            return over(n, "余");
        }
        return "近" + inUnits(near.value());
    }

    private static String rounded(long n) {
        for (long step = largestStep(n); step >= 10; step /= 10) {
            long value = (n + step / 2) / step * step;
            if (Math.abs(value - n) <= n * ROUNDED_WITHIN) {
                return inUnits(value);
            }
        }
        return inUnits(n);
    }

    /** The largest power of ten not above n (n ≥ 1). */
    private static long largestStep(long n) {
        long step = 1;
        while (step <= n / 10) {
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
