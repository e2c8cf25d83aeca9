package cn.jixiao.document;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact decimal arithmetic and the way the report shows numbers: scores and percentages with at most two decimals,
 * rounded half-up, trailing zeros stripped (179.2, 15, 641.82, 22.07, 100), amounts in 万元 as written up to four
 * decimals (89.974), never exponent notation.
 */
final class Figures {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Figures() {}

    /** 179.20 → "179.2", 15.00 → "15", 0 → "0", −3.456 → "-3.46"; null → null. */
    static String show(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /**
     * An amount of a 自评表's fund lines as the unit wrote it: up to four decimals (yuan precision, 89.974), trailing
     * zeros stripped; two-decimal amounts show as {@link #show} shows them.
     */
    static String showAmount(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal four = value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return four.scale() <= 2 ? show(value) : four.toPlainString();
    }

    /** {@code part ÷ whole} in percent, two decimals half-up; null when either is absent or whole is zero. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /** "22.07%"; null when the percentage is null. */
    static String showPercent(BigDecimal percent) {
        return percent == null ? null : show(percent) + "%";
    }

    /** "97.50%": the 自评表's 执行率 always with two decimals (docs/RULES.md); null when the rate is null. */
    static String showRate(BigDecimal percent) {
        return percent == null
                ? null
                : percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** The sum of the values given; null ones count as zero; null when all are null. */
    static BigDecimal sum(BigDecimal... values) {
        BigDecimal total = null;
        for (BigDecimal value : values) {
            if (value != null) {
                total = total == null ? value : total.add(value);
            }
        }
        return total;
    }

    static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }
}
