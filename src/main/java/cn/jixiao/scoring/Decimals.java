package cn.jixiao.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal arithmetic and formatting helpers. Scores, rates and points are handled at two decimals; amounts in 万元 are
 * read at up to four (yuan precision, as townships publish them), so comparisons are made at four decimals, which is
 * exactly the precision given: a report written at two decimals compares as before.
 */
final class Decimals {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {}

    /** Rounds half-up to two decimals (cheaply for tiny values such as 1E-999999999). */
    static BigDecimal round2(BigDecimal value) {
        if (value.scale() > 2 && value.precision() - value.scale() < -3) {
            return ZERO; // |value| < 0.001
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** Rounds half-up to four decimals: the precision of an amount in 万元 (cheaply for tiny values). */
    static BigDecimal round4(BigDecimal value) {
        if (value.scale() > 4 && value.precision() - value.scale() < -5) {
            return BigDecimal.ZERO.setScale(4);
        }
        return value.setScale(4, RoundingMode.HALF_UP);
    }

    /** {@code numerator ÷ denominator}, rounded half-up to two decimals; the denominator must not be zero. */
    static BigDecimal divide2(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, 2, RoundingMode.HALF_UP);
    }

    static boolean differ(BigDecimal a, BigDecimal b) {
        return round4(a).compareTo(round4(b)) != 0;
    }

    static boolean greater(BigDecimal a, BigDecimal b) {
        return round4(a).compareTo(round4(b)) > 0;
    }

    static boolean less(BigDecimal a, BigDecimal b) {
        return round4(a).compareTo(round4(b)) < 0;
    }

    static boolean isZero(BigDecimal a) {
        return round4(a).signum() == 0;
    }

    /**
     * For messages: at least two decimals and at most four, never exponent notation (1190.97, 0.00, 89.974): an
     * amount written to the yuan shows as written.
     */
    static String show(BigDecimal value) {
        BigDecimal four = round4(value).stripTrailingZeros();
        return four.scale() <= 2 ? round2(value).toPlainString() : four.toPlainString();
    }

    /** For messages about head counts: an integer when it is one (14), otherwise two decimals. */
    static String showCount(BigDecimal value) {
        BigDecimal stripped = round2(value).stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : show(value);
    }

    /** For JSON output: at most two decimals, trailing zeros stripped, never a negative scale. */
    static BigDecimal compact(BigDecimal value) {
        BigDecimal stripped = round2(value).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
