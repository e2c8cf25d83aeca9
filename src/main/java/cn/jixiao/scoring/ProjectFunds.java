package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's 项目资金 as the rules read it, in one place so that scores and checks agree: the 年度资金总额 line as
 * written, its sub-lines (当年财政拨款, 上年结转资金, 其他资金 and the named 其他资金来源 such as 财政专户管理资金),
 * and the line 执行率 is computed from. Published tables sometimes leave the total row at 0 and fill only a sub-line;
 * then the total is read from the sub-lines (the written 0 is still an error of the sum check). The template decides
 * whether 执行率 is measured against 全年预算数 or 调整后预算数.
 *
 * @param written the 年度资金总额 line as written (zeros when absent)
 * @param subLines the sub-lines given, in table order, each with its label
 * @param effective the total the scores use: written, or the sum of the sub-lines when the written one is all 0
 * @param base the budget 执行率 is measured against (from {@code effective})
 * @param baseLabel the Chinese name of {@code base}: 全年预算数 or 调整后预算数
 */
record ProjectFunds(FundLine written, List<SubLine> subLines, FundLine effective, BigDecimal base, String baseLabel) {

    /** A sub-line with its label and its pointer under the funds object. */
    record SubLine(String pointer, String label, FundLine line) {}

    private static final List<String[]> FIXED = List.of(
            new String[] {"currentYearGrant", "当年财政拨款"},
            new String[] {"priorYearCarryover", "上年结转资金"},
            new String[] {"other", "其他资金"});

    static ProjectFunds read(JsonNode funds, ScoringTemplate template) {
        FundLine written = FundLine.orZero(FundLine.read(funds, "total"));
        List<SubLine> subLines = new ArrayList<>();
        for (String[] fixed : FIXED) {
            FundLine line = FundLine.read(funds, fixed[0]);
            if (line != null) {
                subLines.add(new SubLine("/" + fixed[0], fixed[1], line));
            }
        }
        List<JsonNode> named = JsonFields.elements(funds, "additionalLines");
        for (int k = 0; k < named.size(); k++) {
            FundLine line = FundLine.of(named.get(k));
            if (line != null) {
                String name = JsonFields.text(named.get(k), "name");
                subLines.add(
                        new SubLine("/additionalLines/" + k, name == null || name.isBlank() ? "其他资金来源" : name, line));
            }
        }
        FundLine effective = written;
        if (written.isAllZero() && !subLines.isEmpty()) {
            FundLine sum = FundLine.ZERO;
            for (SubLine sub : subLines) {
                sum = sum.plus(sub.line());
            }
            if (!sum.isAllZero()) {
                effective = sum;
            }
        }
        boolean adjusted = template.executionBase() == ScoringTemplate.ExecutionBase.ADJUSTED_BUDGET
                && effective.adjustedBudget() != null;
        return new ProjectFunds(
                written,
                List.copyOf(subLines),
                effective,
                adjusted ? effective.adjustedBudget() : effective.annualBudget(),
                adjusted
                        ? ScoringTemplate.ExecutionBase.ADJUSTED_BUDGET.label
                        : ScoringTemplate.ExecutionBase.ANNUAL_BUDGET.label);
    }

    /** True when the written total row was all 0 and the scores use the sum of its sub-lines instead. */
    boolean totalFromSubLines() {
        return effective != written;
    }
}
