package cn.jixiao.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * What is computed for one project (one 预算支出绩效自评表).
 *
 * @param executionRate execution rate in percent with two decimals (97.50), null when 全年预算数 is 0
 * @param fundsScore 预算执行率得分; 0 when 全年预算数 is 0
 * @param levels subtotals for 产出指标, 效益指标, 满意度指标, in that order
 * @param totalScore 预算执行率得分 + all indicator scores
 * @param grade 评价等级, null while the report has any ERROR finding
 */
public record ProjectEvaluation(
        String name,
        BigDecimal executionRate,
        BigDecimal fundsScore,
        List<LevelSubtotal> levels,
        List<IndicatorSuggestion> indicators,
        BigDecimal totalScore,
        String grade) {

    public ProjectEvaluation {
        levels = List.copyOf(levels);
        indicators = List.copyOf(indicators);
    }

    ProjectEvaluation withGrade(String newGrade) {
        return new ProjectEvaluation(name, executionRate, fundsScore, levels, indicators, totalScore, newGrade);
    }
}
