package cn.jixiao.record;

import cn.jixiao.scoring.GradeTable;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the board and the summary workbook keep of one evaluation, read from the very evaluation JSON that
 * 计算得分与校验 stores (and GET /api/reports/{id}/evaluation answers) and from the report's fund lines: so the
 * numbers in the table and the workbook are the evaluation's own, never computed a second way. The one figure the
 * evaluation has not is the report's 总分: the mean of its projects' 总分 (half-up, two decimals), graded by the
 * deployed grade table — for the usual report of one project exactly that project's 总分 and 等级.
 */
record Figures(
        BigDecimal totalScore,
        String grade,
        int errors,
        int warnings,
        BigDecimal initialBudget,
        BigDecimal annualBudget,
        BigDecimal executed,
        List<Project> projects) {

    /** One project: fund lines as the report has them (万元), numbers as the evaluation has them. */
    record Project(
            int position,
            String name,
            List<BigDecimal> funds,
            BigDecimal executionRate,
            BigDecimal fundsScore,
            BigDecimal outputScore,
            BigDecimal effectScore,
            BigDecimal satisfactionScore,
            BigDecimal totalScore,
            String grade) {}

    /** The fund lines of a project in the order of the workbook: 年度资金总额, 当年财政拨款, 上年结转, 其他资金. */
    static final List<String> FUND_LINES = List.of("total", "currentYearGrant", "priorYearCarryover", "other");

    static final List<String> FUND_COLUMNS = List.of("initialBudget", "annualBudget", "executed");
    static final List<String> LEVELS = List.of("产出指标", "效益指标", "满意度指标");

    static Figures of(JsonNode report, JsonNode evaluation, GradeTable grades) {
        List<Project> projects = new ArrayList<>();
        JsonNode evaluated = evaluation.path("projects");
        JsonNode written = report.path("projects");
        BigDecimal scoreSum = BigDecimal.ZERO;
        int scored = 0;
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (int i = 0; i < evaluated.size(); i++) {
            JsonNode p = evaluated.get(i);
            JsonNode funds = written.path(i).path("funds");
            List<BigDecimal> lines = new ArrayList<>();
            for (String line : FUND_LINES) {
                for (String column : FUND_COLUMNS) {
                    lines.add(number(funds.path(line).path(column)));
                }
            }
            for (int c = 0; c < 3; c++) {
                if (lines.get(c) != null) {
                    totals[c] = totals[c].add(lines.get(c));
                }
            }
            BigDecimal total = number(p.path("totalScore"));
            if (total != null) {
                scoreSum = scoreSum.add(total);
                scored++;
            }
            projects.add(new Project(
                    i,
                    p.path("name").asText(""),
                    lines,
                    number(p.path("executionRate")),
                    number(p.path("fundsScore")),
                    level(p, LEVELS.get(0)),
                    level(p, LEVELS.get(1)),
                    level(p, LEVELS.get(2)),
                    total,
                    text(p.path("grade"))));
        }
        int errors = 0;
        int warnings = 0;
        for (JsonNode finding : evaluation.path("findings")) {
            if ("ERROR".equals(finding.path("severity").asText())) {
                errors++;
            } else {
                warnings++;
            }
        }
        BigDecimal mean = scored == 0 ? null : scoreSum.divide(BigDecimal.valueOf(scored), 2, RoundingMode.HALF_UP);
        String grade = mean == null || errors > 0 ? null : grades.gradeFor(mean);
        return new Figures(mean, grade, errors, warnings, totals[0], totals[1], totals[2], projects);
    }

    private static BigDecimal level(JsonNode project, String level1) {
        for (JsonNode level : project.path("levels")) {
            if (level1.equals(level.path("level1").asText())) {
                return number(level.path("score"));
            }
        }
        return null;
    }

    /** A number of the JSON; null when absent, or too large for the columns (DECIMAL(38,2)) it goes to. */
    static BigDecimal number(JsonNode node) {
        if (!node.isNumber()) {
            return null;
        }
        BigDecimal value = node.decimalValue();
        return value.precision() - value.scale() > 34 ? null : value;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
