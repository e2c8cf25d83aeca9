package cn.jixiao.scoring;

import static cn.jixiao.scoring.Decimals.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The checks of one project's 自评表, in a fixed order: weights, indicators, funds, declared total. */
final class ProjectChecks {

    private static final BigDecimal FULL_MARKS = BigDecimal.valueOf(100);

    private static final List<SubLine> SUB_LINES = List.of(
            new SubLine("currentYearGrant", "当年财政拨款"),
            new SubLine("priorYearCarryover", "上年结转资金"),
            new SubLine("other", "其他资金"));

    private record SubLine(String field, String label) {
    }

    private final ScoringSettings settings;

    ProjectChecks(ScoringSettings settings) {
        this.settings = settings;
    }

    List<Finding> check(JsonNode project, int projectIndex, ProjectEvaluation computed) {
        String base = "/projects/" + projectIndex;
        JsonNode funds = JsonFields.object(project, "funds");
        BigDecimal fundsWeight = JsonFields.decimalOrZero(funds, "weight");
        FundLine total = FundLine.orZero(FundLine.read(funds, "total"));
        List<IndicatorRow> rows = IndicatorRow.readAll(project);

        List<Finding> findings = new ArrayList<>();
        checkWeightTotal(base, fundsWeight, rows, findings);
        checkLevelShares(base, fundsWeight, computed.levels(), findings);
        for (IndicatorRow row : rows) {
            checkIndicator(base, row, computed.indicators().get(row.index()).suggestedScore(), findings);
        }
        boolean budgetZero = Decimals.isZero(total.annualBudget());
        checkFundsTotal(base, total, budgetZero, findings);
        checkFundSubLines(base, funds, total, findings);
        if (!budgetZero) {
            checkDeclaredScores(base, project, funds, computed, findings);
        }
        return findings;
    }

    private static void checkWeightTotal(String base, BigDecimal fundsWeight, List<IndicatorRow> rows,
            List<Finding> findings) {
        BigDecimal indicatorWeights = rows.stream().map(IndicatorRow::weight).reduce(Decimals.ZERO, BigDecimal::add);
        BigDecimal sum = fundsWeight.add(indicatorWeights);
        if (Decimals.differ(sum, FULL_MARKS)) {
            findings.add(Finding.error(FindingCodes.WEIGHT_TOTAL_NOT_100, base,
                    "预算执行率分值" + show(fundsWeight) + "加各三级指标分值合计" + show(indicatorWeights)
                            + "应为" + show(FULL_MARKS) + "，实为" + show(sum)));
        }
    }

    private void checkLevelShares(String base, BigDecimal fundsWeight, List<LevelSubtotal> levels,
            List<Finding> findings) {
        if (Decimals.differ(fundsWeight, settings.fundsWeight())) {
            findings.add(Finding.warning(FindingCodes.LEVEL1_WEIGHT_MISMATCH, base + "/funds/weight",
                    "预算执行率分值应为" + show(settings.fundsWeight()) + "，实填" + show(fundsWeight)));
        }
        for (Level1 level : Level1.values()) {
            BigDecimal weight = levels.get(level.ordinal()).weight();
            BigDecimal share = settings.shareOf(level);
            if (Decimals.differ(weight, share)) {
                findings.add(Finding.warning(FindingCodes.LEVEL1_WEIGHT_MISMATCH, base + "/indicators",
                        level.label() + "各三级指标分值合计应为" + show(share) + "，实为" + show(weight)));
            }
        }
    }

    private static void checkIndicator(String base, IndicatorRow row, BigDecimal suggested, List<Finding> findings) {
        String pointer = base + "/indicators/" + row.index();
        if (Decimals.greater(row.score(), row.weight())) {
            findings.add(Finding.error(FindingCodes.SCORE_EXCEEDS_WEIGHT, pointer + "/score",
                    row.label() + "的得分" + show(row.score()) + "超过分值" + show(row.weight())));
        }
        if (suggested != null && Decimals.greater(row.score(), suggested)) {
            findings.add(Finding.warning(FindingCodes.SCORE_ABOVE_SUGGESTED, pointer + "/score",
                    row.label() + "的得分" + show(row.score()) + "高于按年度指标值“" + row.target()
                            + "”与实际完成值“" + row.actual() + "”计算的建议得分" + show(suggested)));
        }
        if (Decimals.less(row.score(), row.weight()) && JsonFields.isBlank(row.deviationNote())) {
            findings.add(Finding.warning(FindingCodes.DEVIATION_NOTE_MISSING, pointer + "/deviationNote",
                    row.label() + "的得分" + show(row.score()) + "低于分值" + show(row.weight())
                            + "，应填写偏差原因分析及改进措施"));
        }
    }

    private static void checkFundsTotal(String base, FundLine total, boolean budgetZero, List<Finding> findings) {
        String pointer = base + "/funds/total";
        if (budgetZero) {
            findings.add(Finding.error(FindingCodes.BUDGET_ZERO, pointer + "/annualBudget",
                    "年度资金总额的全年预算数为" + show(total.annualBudget()) + "万元，无法计算预算执行率"));
        }
        if (Decimals.greater(total.executed(), total.annualBudget())) {
            findings.add(Finding.warning(FindingCodes.EXECUTED_EXCEEDS_BUDGET, pointer + "/executed",
                    "年度资金总额的全年执行数" + show(total.executed()) + "万元超过全年预算数"
                            + show(total.annualBudget()) + "万元"));
        }
    }

    /** Only when at least one sub-line is given; sub-lines not given count as 0. */
    private static void checkFundSubLines(String base, JsonNode funds, FundLine total, List<Finding> findings) {
        List<FundLine> lines = SUB_LINES.stream().map(s -> FundLine.read(funds, s.field())).toList();
        if (lines.stream().allMatch(line -> line == null)) {
            return;
        }
        for (FundLine.Column column : FundLine.Column.values()) {
            BigDecimal sum = Decimals.ZERO;
            StringBuilder parts = new StringBuilder();
            for (int k = 0; k < SUB_LINES.size(); k++) {
                BigDecimal part = FundLine.orZero(lines.get(k)).get(column);
                sum = sum.add(part);
                parts.append(k == 0 ? "" : "加").append(SUB_LINES.get(k).label()).append(show(part)).append("万元");
            }
            if (Decimals.differ(sum, total.get(column))) {
                findings.add(Finding.error(FindingCodes.FUND_LINES_SUM_MISMATCH,
                        base + "/funds/total/" + column.field,
                        column.label + "：" + parts + "（合计" + show(sum) + "万元）应等于年度资金总额，实填"
                                + show(total.get(column)) + "万元"));
            }
        }
    }

    private static void checkDeclaredScores(String base, JsonNode project, JsonNode funds, ProjectEvaluation computed,
            List<Finding> findings) {
        BigDecimal declaredScore = JsonFields.decimal(funds, "declaredScore");
        if (declaredScore != null && Decimals.differ(declaredScore, computed.fundsScore())) {
            findings.add(Finding.warning(FindingCodes.DECLARED_SCORE_MISMATCH, base + "/funds/declaredScore",
                    "预算执行率得分填写为" + show(declaredScore) + "，按执行率" + show(computed.executionRate())
                            + "%计算应为" + show(computed.fundsScore())));
        }
        BigDecimal declaredTotal = JsonFields.decimal(project, "declaredTotalScore");
        if (declaredTotal != null && Decimals.differ(declaredTotal, computed.totalScore())) {
            BigDecimal indicatorScores = computed.totalScore().subtract(computed.fundsScore());
            findings.add(Finding.warning(FindingCodes.DECLARED_TOTAL_MISMATCH, base + "/declaredTotalScore",
                    "总分填写为" + show(declaredTotal) + "，计算应为" + show(computed.totalScore())
                            + "（预算执行率得分" + show(computed.fundsScore()) + "加各指标得分合计"
                            + show(indicatorScores) + "）"));
        }
    }
}
