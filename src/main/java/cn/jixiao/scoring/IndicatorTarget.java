package cn.jixiao.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A quantitative 年度指标值: a comparison and a {@link Quantity}, e.g. {@code ≥17个}, {@code ≤400万元},
 * {@code >3}, {@code <5天}, or a plain {@code 95%} (higher is better, met when reached).
 */
record IndicatorTarget(Comparison comparison, Quantity quantity) {

    /** How the actual value is compared with the target. */
    public enum Comparison {
        /** {@code ≥x} or a plain number: higher is better. */
        AT_LEAST(true),
        /** {@code >x}: higher is better. */
        MORE_THAN(true),
        /** {@code ≤x}: lower is better. */
        AT_MOST(false),
        /** {@code <x}: lower is better. */
        LESS_THAN(false);

        private final boolean higherIsBetter;

        Comparison(boolean higherIsBetter) {
            this.higherIsBetter = higherIsBetter;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }
    }

    private record Prefix(String text, Comparison comparison) {}

    /** Longest prefixes first, so that {@code >=} wins over {@code >} and 大于等于 over 大于. */
    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("大于等于", Comparison.AT_LEAST),
            new Prefix("小于等于", Comparison.AT_MOST),
            new Prefix("不低于", Comparison.AT_LEAST),
            new Prefix("不少于", Comparison.AT_LEAST),
            new Prefix("不小于", Comparison.AT_LEAST),
            new Prefix("不高于", Comparison.AT_MOST),
            new Prefix("不超过", Comparison.AT_MOST),
            new Prefix("不多于", Comparison.AT_MOST),
            new Prefix("不大于", Comparison.AT_MOST),
            new Prefix("至少", Comparison.AT_LEAST),
            new Prefix("至多", Comparison.AT_MOST),
            new Prefix("大于", Comparison.MORE_THAN),
            new Prefix("高于", Comparison.MORE_THAN),
            new Prefix("多于", Comparison.MORE_THAN),
            new Prefix("小于", Comparison.LESS_THAN),
            new Prefix("低于", Comparison.LESS_THAN),
            new Prefix("少于", Comparison.LESS_THAN),
            new Prefix(">=", Comparison.AT_LEAST),
            new Prefix("<=", Comparison.AT_MOST),
            new Prefix("≥", Comparison.AT_LEAST),
            new Prefix("≧", Comparison.AT_LEAST),
            new Prefix("⩾", Comparison.AT_LEAST),
            new Prefix("≤", Comparison.AT_MOST),
            new Prefix("≦", Comparison.AT_MOST),
            new Prefix("⩽", Comparison.AT_MOST),
            new Prefix(">", Comparison.MORE_THAN),
            new Prefix("<", Comparison.LESS_THAN),
            new Prefix("=", Comparison.AT_LEAST));

    public BigDecimal value() {
        return quantity.value();
    }

    public boolean higherIsBetter() {
        return comparison.higherIsBetter();
    }

    /** Whether an actual value reaches this target. */
    public boolean isMetBy(BigDecimal actual) {
        int c = actual.compareTo(quantity.value());
        return switch (comparison) {
            case AT_LEAST -> c >= 0;
            case MORE_THAN -> c > 0;
            case AT_MOST -> c <= 0;
            case LESS_THAN -> c < 0;
        };
    }

    /** Reads a target; empty when the text holds no readable number (万元, 按时完成, 满意, 17-20个). */
    public static Optional<IndicatorTarget> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = Quantity.normalize(text);
        Comparison comparison = Comparison.AT_LEAST;
        for (Prefix prefix : PREFIXES) {
            if (compact.startsWith(prefix.text())) {
                comparison = prefix.comparison();
                compact = compact.substring(prefix.text().length());
                break;
            }
        }
        Comparison chosen = comparison;
        return Quantity.parseNormalized(compact).map(q -> new IndicatorTarget(chosen, q));
    }
}
