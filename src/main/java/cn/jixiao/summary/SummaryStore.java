package cn.jixiao.summary;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The workbook's rows in two statements, whatever the number of units: every unit of the year's campaign with its
 * report's recorded figures, and every project of those reports (jx_report_project, written with each evaluation).
 * Projects are streamed to the caller row by row, so 10,000 units' projects never sit in memory at once.
 */
@Component
class SummaryStore {

    /** One unit of the campaign with its report's figures (nulls where there is no report or no evaluation yet). */
    record UnitRow(
            String unitCode,
            String unitName,
            String supervisor,
            String stage,
            boolean overdue,
            Instant submittedAt,
            LocalDate publishedOn,
            Integer projects,
            BigDecimal initialBudget,
            BigDecimal annualBudget,
            BigDecimal executed,
            BigDecimal totalScore,
            String grade,
            Integer errors,
            Integer warnings,
            String reportId) {}

    /** One project of a report: fund lines (12 values: 4 lines × 年初预算数, 全年预算数, 全年执行数) and scores. */
    record ProjectRow(
            String unitCode,
            String unitName,
            String name,
            List<BigDecimal> funds,
            BigDecimal executionRate,
            BigDecimal fundsScore,
            BigDecimal outputScore,
            BigDecimal effectScore,
            BigDecimal satisfactionScore,
            BigDecimal totalScore,
            String grade) {}

    private static final String FROM = " FROM jx_campaign_unit cu LEFT JOIN jx_report r ON r.instance_id = cu.report_id"
            + " LEFT JOIN jx_unit u ON u.code = cu.unit_code WHERE cu.fiscal_year = ?";

    private final JdbcTemplate jdbc;

    SummaryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasCampaign(int fiscalYear) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM jx_campaign WHERE fiscal_year = ?", Integer.class, fiscalYear);
        return n != null && n > 0;
    }

    List<UnitRow> units(int fiscalYear) {
        return jdbc.query(
                "SELECT cu.unit_code, u.name, u.supervisor, r.stage, cu.overdue, cu.submitted_at, r.published_on,"
                        + " r.project_count, r.initial_budget, r.annual_budget, r.executed, r.total_score, r.grade, r.error_count,"
                        + " r.warning_count, r.instance_id" + FROM + " ORDER BY cu.unit_code",
                (rs, i) -> new UnitRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        instant(rs.getTimestamp(6)),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        integer(rs, 8),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(10),
                        rs.getBigDecimal(11),
                        rs.getBigDecimal(12),
                        rs.getString(13),
                        integer(rs, 14),
                        integer(rs, 15),
                        rs.getString(16)),
                fiscalYear);
    }

    static final String FUND_COLUMNS =
            "p.total_initial, p.total_annual, p.total_executed, p.grant_initial, p.grant_annual,"
                    + " p.grant_executed, p.carryover_initial, p.carryover_annual, p.carryover_executed, p.other_initial,"
                    + " p.other_annual, p.other_executed";

    void projects(int fiscalYear, Consumer<ProjectRow> each) {
        jdbc.query(
                "SELECT cu.unit_code, u.name, p.name, " + FUND_COLUMNS + ", p.execution_rate, p.funds_score,"
                        + " p.output_score, p.effect_score, p.satisfaction_score, p.total_score, p.grade"
                        + " FROM jx_campaign_unit cu JOIN jx_report_project p ON p.instance_id = cu.report_id"
                        + " LEFT JOIN jx_unit u ON u.code = cu.unit_code WHERE cu.fiscal_year = ? ORDER BY cu.unit_code, p.position",
                rs -> {
                    List<BigDecimal> funds = new ArrayList<>(12);
                    for (int c = 4; c < 16; c++) {
                        funds.add(rs.getBigDecimal(c));
                    }
                    each.accept(new ProjectRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            funds,
                            rs.getBigDecimal(16),
                            rs.getBigDecimal(17),
                            rs.getBigDecimal(18),
                            rs.getBigDecimal(19),
                            rs.getBigDecimal(20),
                            rs.getBigDecimal(21),
                            rs.getString(22)));
                },
                fiscalYear);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
