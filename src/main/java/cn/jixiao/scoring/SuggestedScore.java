package cn.jixiao.scoring;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The suggested score of a quantitative indicator: full weight when the target is met; otherwise
 * 实际 ÷ 指标 × 分值 (higher is better) or 指标 ÷ 实际 × 分值 (lower is better), half-up to two decimals.
 */
final class SuggestedScore {

    private SuggestedScore() {}

    /**
     * Null when the target or the actual value cannot be read, their units differ, or the ratio is undefined. The
     * actual value may carry a comparator ({@code ≥96%}); it is read as the number it names.
     */
    static BigDecimal suggest(String targetText, String actualText, BigDecimal weight) {
        if (weight == null) {
            return null;
        }
        Optional<IndicatorTarget> target = IndicatorTarget.parse(targetText);
        // People copy the target's comparator into 实际完成值 (≥90%, ≤400万元, =100%): the value is what counts.
        Optional<Quantity> actual = IndicatorTarget.parse(actualText).map(IndicatorTarget::quantity);
        if (target.isEmpty() || actual.isEmpty() || !target.get().quantity().unitAgreesWith(actual.get())) {
            return null;
        }
        return suggest(target.get(), actual.get().value(), weight);
    }

    static BigDecimal suggest(IndicatorTarget target, BigDecimal actual, BigDecimal weight) {
        if (target.isMetBy(actual)) {
            return Decimals.round2(weight);
        }
        BigDecimal numerator = target.higherIsBetter() ? actual : target.value();
        BigDecimal denominator = target.higherIsBetter() ? target.value() : actual;
        if (denominator.signum() == 0) {
            return null;
        }
        return Decimals.divide2(numerator.multiply(weight), denominator);
    }
}
