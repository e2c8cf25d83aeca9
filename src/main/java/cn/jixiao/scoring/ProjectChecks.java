package cn.jixiao.scoring;

import static cn.jixiao.scoring.Decimals.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of one project's 自评表, in a fixed order: weights, indicators, funds, declared figures, then what the
 * template asks for. Every standard number (funds weight, shares, full marks, the 执行率 that needs a reason) comes
 * from the {@link ScoringTemplate}, never from a constant.
 */
final class ProjectChecks {

    private static final List<String[]> FIXED_SUB_LINES = List.of(
            new String[] {"currentYearGrant", "当年财政拨款"},
            new String[] {"priorYearCarryover", "上年结转资金"},
            new String[] {"other", "其他资金"});

    private final ScoringTemplate template;

    /** Under the national template with these standard shares. */
    ProjectChecks(ScoringSettings settings) {
        this(ScoringTemplate.national(settings));
    }

    ProjectChecks(ScoringTemplate template) {
        this.template = template;
    }

    List<Finding> check(JsonNode project, int projectIndex, ProjectEvaluation computed) {
        String base = "/projects/" + projectIndex;
        JsonNode funds = JsonFields.object(project, "funds");
        BigDecimal fundsWeight = JsonFields.decimalOrZero(funds, "weight");
        ProjectFunds read = ProjectFunds.read(funds, template);
        List<IndicatorRow> rows = IndicatorRow.readAll(project);

        List<Finding> findings = new ArrayList<>();
        checkWeightTotal(base, fundsWeight, rows, findings);
        checkLevelShares(base, fundsWeight, computed.levels(), findings);
        for (IndicatorRow row : rows) {
            checkIndicator(base, row, computed.indicators().get(row.index()).suggestedScore(), findings);
        }
        boolean budgetZero = Decimals.isZero(read.base());
        checkFundsTotal(base, read, budgetZero, findings);
        checkFundSubLines(base, funds, read.written(), findings);
        if (!budgetZero) {
            checkBudgetCut(base, funds, read, findings);
            checkLowExecution(base, funds, computed, findings);
            checkDeclaredScores(base, project, funds, read, computed, findings);
        }
        checkExpectedFields(base, project, findings);
        return findings;
    }

    private void checkWeightTotal(
            String base, BigDecimal fundsWeight, List<IndicatorRow> rows, List<Finding> findings) {
        BigDecimal indicatorWeights = rows.stream().map(IndicatorRow::weight).reduce(Decimals.ZERO, BigDecimal::add);
        BigDecimal sum = fundsWeight.add(indicatorWeights);
        BigDecimal fullMarks = template.fullMarks();
        if (Decimals.differ(sum, fullMarks)) {
            findings.add(Finding.error(
                    FindingCodes.WEIGHT_TOTAL_NOT_100,
                    base,
                    "预算执行率分值" + show(fundsWeight) + "加各三级指标分值合计" + show(indicatorWeights) + "应为" + show(fullMarks)
                            + "，实为" + show(sum)));
        }
    }

    private void checkLevelShares(
            String base, BigDecimal fundsWeight, List<LevelSubtotal> levels, List<Finding> findings) {
        if (Decimals.differ(fundsWeight, template.fundsWeight())) {
            findings.add(Finding.warning(
                    FindingCodes.LEVEL1_WEIGHT_MISMATCH,
                    base + "/funds/weight",
                    "预算执行率分值应为" + show(template.fundsWeight()) + "，实填" + show(fundsWeight)));
        }
        if (template.freeSplit()) {
            BigDecimal indicators = levels.stream().map(LevelSubtotal::weight).reduce(Decimals.ZERO, BigDecimal::add);
            if (Decimals.differ(indicators, template.indicatorTotal())) {
                findings.add(Finding.warning(
                        FindingCodes.LEVEL1_WEIGHT_MISMATCH,
                        base + "/indicators",
                        "各三级指标分值合计应为" + show(template.indicatorTotal()) + "（" + template.name()
                                + "：产出、效益、满意度指标间由单位自行分配），实为" + show(indicators)));
            }
            return;
        }
        for (Level1 level : Level1.values()) {
            BigDecimal weight = levels.get(level.ordinal()).weight();
            BigDecimal share = template.levelShares().get(level);
            if (Decimals.differ(weight, share)) {
                findings.add(Finding.warning(
                        FindingCodes.LEVEL1_WEIGHT_MISMATCH,
                        base + "/indicators",
                        level.label() + "各三级指标分值合计应为" + show(share) + "，实为" + show(weight)));
            }
        }
    }

    private static void checkIndicator(String base, IndicatorRow row, BigDecimal suggested, List<Finding> findings) {
        String pointer = base + "/indicators/" + row.index();
        if (!row.scoreGiven()) {
            findings.add(Finding.error(
                    FindingCodes.SCORE_MISSING,
                    pointer + "/score",
                    row.label() + "未填写得分（分值" + show(row.weight()) + "）"));
        }
        if (JsonFields.isBlank(row.actual())) {
            findings.add(Finding.error(FindingCodes.ACTUAL_MISSING, pointer + "/actual", row.label() + "未填写实际完成值"));
        }
        if (!row.scoreGiven()) {
            return; // nothing to compare an absent 得分 with: SCORE_MISSING says all there is
        }
        if (Decimals.greater(row.score(), row.weight())) {
            findings.add(Finding.error(
                    FindingCodes.SCORE_EXCEEDS_WEIGHT,
                    pointer + "/score",
                    row.label() + "的得分" + show(row.score()) + "超过分值" + show(row.weight())));
        }
        if (suggested != null && Decimals.greater(row.score(), suggested)) {
            findings.add(Finding.warning(
                    FindingCodes.SCORE_ABOVE_SUGGESTED,
                    pointer + "/score",
                    row.label() + "的得分" + show(row.score()) + "高于按年度指标值“" + row.target() + "”与实际完成值“" + row.actual()
                            + "”计算的建议得分" + show(suggested)));
        }
        if (Decimals.less(row.score(), row.weight()) && JsonFields.isBlank(row.deviationNote())) {
            findings.add(Finding.warning(
                    FindingCodes.DEVIATION_NOTE_MISSING,
                    pointer + "/deviationNote",
                    row.label() + "的得分" + show(row.score()) + "低于分值" + show(row.weight()) + "，应填写偏差原因分析及改进措施"));
        }
    }

    private static void checkFundsTotal(String base, ProjectFunds read, boolean budgetZero, List<Finding> findings) {
        String pointer = base + "/funds/total";
        boolean adjusted = !read.baseLabel().equals(ScoringTemplate.ExecutionBase.ANNUAL_BUDGET.label);
        if (budgetZero) {
            findings.add(Finding.error(
                    FindingCodes.BUDGET_ZERO,
                    pointer + (adjusted ? "/adjustedBudget" : "/annualBudget"),
                    "年度资金总额的" + read.baseLabel() + "为" + show(read.base()) + "万元，无法计算预算执行率"));
        }
        FundLine total = read.effective();
        if (Decimals.greater(total.executed(), read.base())) {
            findings.add(Finding.warning(
                    FindingCodes.EXECUTED_EXCEEDS_BUDGET,
                    pointer + "/executed",
                    "年度资金总额的全年执行数" + show(total.executed()) + "万元超过" + read.baseLabel() + show(read.base()) + "万元"));
        }
    }

    /**
     * Only when at least one sub-line is given; the three fixed sub-lines not given count as 0, and the named
     * 其他资金来源 (财政专户管理资金, 单位资金, …) are added to them.
     */
    private static void checkFundSubLines(String base, JsonNode funds, FundLine total, List<Finding> findings) {
        List<String> labels = new ArrayList<>();
        List<FundLine> lines = new ArrayList<>();
        boolean anyGiven = false;
        for (String[] fixed : FIXED_SUB_LINES) {
            FundLine line = FundLine.read(funds, fixed[0]);
            anyGiven |= line != null;
            labels.add(fixed[1]);
            lines.add(FundLine.orZero(line));
        }
        for (JsonNode named : JsonFields.elements(funds, "additionalLines")) {
            FundLine line = FundLine.of(named);
            if (line != null) {
                anyGiven = true;
                String name = JsonFields.text(named, "name");
                labels.add(name == null || name.isBlank() ? "其他资金来源" : name);
                lines.add(line);
            }
        }
        if (!anyGiven) {
            return;
        }
        for (FundLine.Column column : FundLine.Column.values()) {
            BigDecimal sum = Decimals.ZERO;
            StringBuilder parts = new StringBuilder();
            for (int k = 0; k < lines.size(); k++) {
                BigDecimal part = lines.get(k).get(column);
                sum = sum.add(part);
                parts.append(k == 0 ? "" : "加")
                        .append(labels.get(k))
                        .append(show(part))
                        .append("万元");
            }
            if (Decimals.differ(sum, total.get(column))) {
                findings.add(Finding.error(
                        FindingCodes.FUND_LINES_SUM_MISMATCH,
                        base + "/funds/total/" + column.field,
                        column.label + "：" + parts + "（合计" + show(sum) + "万元）应等于年度资金总额，实填" + show(total.get(column))
                                + "万元"));
            }
        }
    }

    /**
     * BUDGET_CUT_TO_SPENDING: 全年预算数 lowered below 年初预算数 to exactly the amount spent makes 执行率 100% by
     * construction; a reviewer wants to know why (预算调整原因).
     */
    private static void checkBudgetCut(String base, JsonNode funds, ProjectFunds read, List<Finding> findings) {
        FundLine total = read.effective();
        if (Decimals.differ(total.annualBudget(), total.executed())
                || !Decimals.less(total.annualBudget(), total.initialBudget())
                || !JsonFields.isBlank(JsonFields.text(funds, "adjustmentReason"))) {
            return;
        }
        findings.add(Finding.warning(
                FindingCodes.BUDGET_CUT_TO_SPENDING,
                base + "/funds/total/annualBudget",
                "年度资金总额" + (read.totalFromSubLines() ? "（按其中各项资金合计）" : "") + "的全年预算数" + show(total.annualBudget())
                        + "万元低于年初预算数" + show(total.initialBudget()) + "万元且恰好等于全年执行数，执行率因此为100%，应填写预算调整原因"));
    }

    /** LOW_EXECUTION_REASON_MISSING: the template asks for a reason below its threshold (Sichuan: 90%). */
    private void checkLowExecution(String base, JsonNode funds, ProjectEvaluation computed, List<Finding> findings) {
        BigDecimal threshold = template.lowExecutionReasonBelow();
        BigDecimal rate = computed.executionRate();
        if (threshold == null
                || rate == null
                || !Decimals.less(rate, threshold)
                || !JsonFields.isBlank(JsonFields.text(funds, "lowExecutionReason"))) {
            return;
        }
        findings.add(Finding.warning(
                FindingCodes.LOW_EXECUTION_REASON_MISSING,
                base + "/funds/lowExecutionReason",
                "执行率" + show(rate) + "%低于" + show(threshold) + "%（" + template.name() + "），应填写执行率偏低原因"));
    }

    private static void checkDeclaredScores(
            String base,
            JsonNode project,
            JsonNode funds,
            ProjectFunds read,
            ProjectEvaluation computed,
            List<Finding> findings) {
        BigDecimal declaredRate = JsonFields.decimal(funds, "declaredExecutionRate");
        if (declaredRate != null) {
            // Compared at the precision written: 100 written for 99.97% agrees, 100 for 99.4% does not.
            JsonNode written = funds.get("declaredExecutionRate");
            int scale = Math.max(
                    0, Math.min(2, written.decimalValue().stripTrailingZeros().scale()));
            BigDecimal exact = read.effective()
                    .executed()
                    .multiply(Decimals.HUNDRED)
                    .divide(read.base(), 10, RoundingMode.HALF_UP);
            if (exact.setScale(scale, RoundingMode.HALF_UP)
                            .compareTo(declaredRate.setScale(scale, RoundingMode.HALF_UP))
                    != 0) {
                findings.add(Finding.warning(
                        FindingCodes.DECLARED_RATE_MISMATCH,
                        base + "/funds/declaredExecutionRate",
                        "执行率填写为" + declaredRate.stripTrailingZeros().toPlainString() + "%，按全年执行数"
                                + show(read.effective().executed()) + "万元除以" + read.baseLabel() + show(read.base())
                                + "万元计算应为" + show(computed.executionRate()) + "%"));
            }
        }
        BigDecimal declaredScore = JsonFields.decimal(funds, "declaredScore");
        if (declaredScore != null && Decimals.differ(declaredScore, computed.fundsScore())) {
            findings.add(Finding.warning(
                    FindingCodes.DECLARED_SCORE_MISMATCH,
                    base + "/funds/declaredScore",
                    "预算执行率得分填写为" + show(declaredScore) + "，按执行率" + show(computed.executionRate()) + "%计算应为"
                            + show(computed.fundsScore())));
        }
        BigDecimal declaredTotal = JsonFields.decimal(project, "declaredTotalScore");
        if (declaredTotal != null && Decimals.differ(declaredTotal, computed.totalScore())) {
            BigDecimal indicatorScores = computed.totalScore().subtract(computed.fundsScore());
            findings.add(Finding.warning(
                    FindingCodes.DECLARED_TOTAL_MISMATCH,
                    base + "/declaredTotalScore",
                    "总分填写为" + show(declaredTotal) + "，计算应为" + show(computed.totalScore())
                            + "（预算执行率得分" + show(computed.fundsScore()) + "加各指标得分合计"
                            + show(indicatorScores) + "）"));
        }
    }

    /** EXPECTED_FIELD_MISSING: an optional field the template's table carries, left out or blank. */
    private void checkExpectedFields(String base, JsonNode project, List<Finding> findings) {
        for (ScoringTemplate.ExpectedField field : template.expectedFields()) {
            JsonNode value = project == null ? null : project.at(field.pointer());
            boolean missing = value == null
                    || value.isMissingNode()
                    || value.isNull()
                    || (value.isTextual() && JsonFields.isBlank(value.textValue()));
            if (missing) {
                findings.add(Finding.warning(
                        FindingCodes.EXPECTED_FIELD_MISSING,
                        base + field.pointer(),
                        template.name() + "要求填写“" + field.label() + "”，本项目未填写"));
            }
        }
    }
}
