package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Computes the numbers of one project: 执行率, 预算执行率得分, subtotals, suggested scores and 总分. */
final class ProjectScoring {

    private ProjectScoring() {}

    /** The project's evaluation under the national template with the standard shares. */
    static ProjectEvaluation score(JsonNode project) {
        return score(project, ScoringTemplate.national(ScoringSettings.defaults()));
    }

    /**
     * The project's evaluation, without a grade (the grade depends on the findings of the whole report). 执行率 is
     * measured against the template's base, from the total row or, when that row is all 0, from its sub-lines.
     */
    static ProjectEvaluation score(JsonNode project, ScoringTemplate template) {
        String name = JsonFields.text(project, "name");
        JsonNode funds = JsonFields.object(project, "funds");
        ProjectFunds read = ProjectFunds.read(funds, template);
        BigDecimal fundsWeight = JsonFields.decimalOrZero(funds, "weight");
        BigDecimal executed = read.effective().executed();

        BigDecimal executionRate = FundsScoring.executionRatePercent(executed, read.base());
        BigDecimal fundsScore = FundsScoring.fundsScore(executed, read.base(), fundsWeight);

        List<IndicatorRow> rows = IndicatorRow.readAll(project);
        List<IndicatorSuggestion> suggestions = new ArrayList<>();
        BigDecimal indicatorScores = Decimals.ZERO;
        for (IndicatorRow row : rows) {
            suggestions.add(new IndicatorSuggestion(
                    row.index(), SuggestedScore.suggest(row.target(), row.actual(), row.weight())));
            indicatorScores = indicatorScores.add(row.score());
        }
        return new ProjectEvaluation(
                name == null ? "" : name,
                executionRate,
                fundsScore,
                subtotals(rows),
                suggestions,
                fundsScore.add(indicatorScores),
                null);
    }

    static List<LevelSubtotal> subtotals(List<IndicatorRow> rows) {
        List<LevelSubtotal> levels = new ArrayList<>();
        for (Level1 level : Level1.values()) {
            BigDecimal weight = Decimals.ZERO;
            BigDecimal score = Decimals.ZERO;
            for (IndicatorRow row : rows) {
                if (level.label().equals(row.level1())) {
                    weight = weight.add(row.weight());
                    score = score.add(row.score());
                }
            }
            levels.add(new LevelSubtotal(level.label(), weight, score));
        }
        return levels;
    }
}
