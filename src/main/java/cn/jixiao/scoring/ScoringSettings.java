package cn.jixiao.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The numbers a finance bureau may change: the standard share of each 一级指标 and the standard
 * 预算执行率分值. They only drive LEVEL1_WEIGHT_MISMATCH; scores use the weights written in the report.
 */
public record ScoringSettings(
        BigDecimal outputShare, BigDecimal effectShare, BigDecimal satisfactionShare, BigDecimal fundsWeight) {

    public ScoringSettings {
        Objects.requireNonNull(outputShare, "outputShare");
        Objects.requireNonNull(effectShare, "effectShare");
        Objects.requireNonNull(satisfactionShare, "satisfactionShare");
        Objects.requireNonNull(fundsWeight, "fundsWeight");
    }

    /** 产出指标 50, 效益指标 30, 满意度指标 10, 预算执行率 10. */
    public static ScoringSettings defaults() {
        return new ScoringSettings(
                BigDecimal.valueOf(50), BigDecimal.valueOf(30), BigDecimal.valueOf(10), BigDecimal.valueOf(10));
    }

    public BigDecimal shareOf(Level1 level) {
        return switch (level) {
            case OUTPUT -> outputShare;
            case EFFECT -> effectShare;
            case SATISFACTION -> satisfactionShare;
        };
    }
}
