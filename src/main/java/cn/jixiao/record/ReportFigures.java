package cn.jixiao.record;

import cn.jixiao.scoring.GradeTable;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the board's figures of a report current: called by 计算得分与校验 with the evaluation it has just stored, in
 * the engine's transaction, so jx_report's 总分, 等级, counts and sums and jx_report_project's rows always agree with
 * the stored evaluation — and the board of 10,000 units reads two tables, not 10,000 instances' variables.
 */
@Component
public class ReportFigures {

    private final JdbcTemplate jdbc;
    private final GradeTable grades;

    ReportFigures(JdbcTemplate jdbc, GradeTable grades) {
        this.jdbc = jdbc;
        this.grades = grades;
    }

    /** A report's 总分 and 等级 as last evaluated (either may be null: no project scored, no band matched). */
    public record Score(java.math.BigDecimal totalScore, String grade) {}

    /** The 总分 and 等级 of the year's evaluated reports, by report id, in one query. */
    public java.util.Map<String, Score> scoresOf(int fiscalYear) {
        java.util.Map<String, Score> scores = new java.util.HashMap<>();
        jdbc.query(
                "SELECT instance_id, total_score, grade FROM jx_report WHERE fiscal_year = ? AND evaluated_at IS NOT NULL",
                rs -> {
                    scores.put(rs.getString(1), new Score(rs.getBigDecimal(2), rs.getString(3)));
                },
                fiscalYear);
        return scores;
    }

    /** Records the figures of the evaluation just stored for the report carried by this process instance. */
    public void record(String processInstanceId, JsonNode report, JsonNode evaluation) {
        List<String> ids = jdbc.queryForList(
                "SELECT instance_id FROM jx_report WHERE process_instance_id = ?", String.class, processInstanceId);
        if (ids.isEmpty()) {
            return;
        }
        String reportId = ids.get(0);
        Figures figures = Figures.of(report, evaluation, grades);
        jdbc.update(
                "UPDATE jx_report SET evaluated_at = ?, total_score = ?, grade = ?, error_count = ?, warning_count = ?,"
                        + " project_count = ?, initial_budget = ?, annual_budget = ?, executed = ? WHERE instance_id = ?",
                new Timestamp(ClockUtil.getCurrentTime().getTime()),
                figures.totalScore(),
                figures.grade(),
                figures.errors(),
                figures.warnings(),
                figures.projects().size(),
                figures.initialBudget(),
                figures.annualBudget(),
                figures.executed(),
                reportId);
        jdbc.update("DELETE FROM jx_report_project WHERE instance_id = ?", reportId);
        List<Object[]> rows = new ArrayList<>();
        for (Figures.Project p : figures.projects()) {
            List<Object> row = new ArrayList<>(List.of(reportId, p.position(), truncate(p.name())));
            row.addAll(p.funds());
            row.add(p.executionRate());
            row.add(p.fundsScore());
            row.add(p.outputScore());
            row.add(p.effectScore());
            row.add(p.satisfactionScore());
            row.add(p.totalScore());
            row.add(p.grade());
            rows.add(row.toArray());
        }
        jdbc.batchUpdate(
                "INSERT INTO jx_report_project (instance_id, position, name, total_initial, total_annual,"
                        + " total_executed, grant_initial, grant_annual, grant_executed, carryover_initial, carryover_annual,"
                        + " carryover_executed, other_initial, other_annual, other_executed, execution_rate, funds_score, output_score,"
                        + " effect_score, satisfaction_score, total_score, grade)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    private static String truncate(String name) {
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
