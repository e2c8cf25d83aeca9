package cn.jixiao.scoring;

import java.math.BigDecimal;

/** 执行率 and 预算执行率得分 of a project's 年度资金总额 line. */
final class FundsScoring {

    private FundsScoring() {}

    /** 全年执行数 ÷ 全年预算数 in percent, half-up to two decimals (97.50); null when the budget is 0. */
    static BigDecimal executionRatePercent(BigDecimal executed, BigDecimal annualBudget) {
        if (Decimals.isZero(annualBudget)) {
            return null;
        }
        return Decimals.divide2(executed.multiply(Decimals.HUNDRED), annualBudget);
    }

    /**
     * min(执行率, 100%) × 分值, computed from the exact rate and rounded half-up once (97.50% × 10 = 9.75);
     * 0 when the budget is 0 (BUDGET_ZERO reports it).
     */
    static BigDecimal fundsScore(BigDecimal executed, BigDecimal annualBudget, BigDecimal weight) {
        if (Decimals.isZero(annualBudget)) {
            return Decimals.ZERO;
        }
        if (executed.compareTo(annualBudget) >= 0) {
            return Decimals.round2(weight);
        }
        return Decimals.divide2(executed.multiply(weight), annualBudget);
    }
}
