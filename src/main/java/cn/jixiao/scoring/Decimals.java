package cn.jixiao.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Two-decimal arithmetic and formatting helpers: every amount and score is handled at two decimals. */
final class Decimals {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    /** Rounds half-up to two decimals (cheaply for tiny values such as 1E-999999999). */
    static BigDecimal round2(BigDecimal value) {
        if (value.scale() > 2 && value.precision() - value.scale() < -3) {
            return ZERO; // |value| < 0.001
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code numerator ÷ denominator}, rounded half-up to two decimals; the denominator must not be zero. */
    static BigDecimal divide2(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, 2, RoundingMode.HALF_UP);
    }

    static boolean differ(BigDecimal a, BigDecimal b) {
        return round2(a).compareTo(round2(b)) != 0;
    }

    static boolean greater(BigDecimal a, BigDecimal b) {
        return round2(a).compareTo(round2(b)) > 0;
    }

    static boolean less(BigDecimal a, BigDecimal b) {
        return round2(a).compareTo(round2(b)) < 0;
    }

    static boolean isZero(BigDecimal a) {
        return round2(a).signum() == 0;
    }

    /** For messages: always two decimals, never exponent notation (1190.97, 0.00). */
    static String show(BigDecimal value) {
        return round2(value).toPlainString();
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
