package cn.jixiao.board;

import cn.jixiao.record.Stage;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The board's reads, each one SQL statement over jx_campaign_unit, jx_report and jx_unit (portable: H2 and
 * PostgreSQL): a page of the table, the counts by stage, the charts' aggregates, a unit's reports over the years and
 * its rank. Nothing here reads a process variable or asks once per unit, so 10,000 units cost a handful of queries.
 */
@Component
class BoardStore {

    private static final String FROM = " FROM jx_campaign_unit cu"
            + " LEFT JOIN jx_report r ON r.instance_id = cu.report_id"
            + " LEFT JOIN jx_unit u ON u.code = cu.unit_code"
            + " WHERE cu.fiscal_year = ?";

    /** One unit's line of the board. */
    record Row(
            String unitCode,
            String unitName,
            String supervisor,
            String stage,
            boolean overdue,
            LocalDate due,
            Instant submittedAt,
            BigDecimal totalScore,
            String grade,
            Integer errors,
            Integer warnings,
            String reportId,
            boolean seenByFinance,
            LocalDate publishedOn) {}

    /** The campaign of a year: deadline and launch. */
    record Campaign(int fiscalYear, LocalDate deadline, Instant launchedAt) {}

    /** Units by stage (every stage present, 未开始 first) and how many are overdue ({@link Tally}). */
    record Counts(Map<String, Long> byStage, long overdue, long total) {}

    /** Submitted reports by 主管部门 and 等级 ({@link Tally}). */
    record SupervisorGrade(String supervisor, String grade, long count) {}

    private final JdbcTemplate jdbc;

    BoardStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Campaign> campaign(int fiscalYear) {
        return jdbc
                .query(
                        "SELECT fiscal_year, deadline, launched_at FROM jx_campaign WHERE fiscal_year = ?",
                        (rs, i) -> new Campaign(rs.getInt(1), rs.getDate(2).toLocalDate(), instant(rs.getTimestamp(3))),
                        fiscalYear)
                .stream()
                .findFirst();
    }

    /** The years with a campaign, newest first. */
    List<Integer> years() {
        return jdbc.queryForList("SELECT fiscal_year FROM jx_campaign ORDER BY fiscal_year DESC", Integer.class);
    }

    /** One page of the table and the number of rows matching the filters. */
    record Page(List<Row> rows, long total) {}

    /** A page; {@code unfilteredTotal} (the stage counts' total) saves the COUNT when nothing is filtered. */
    Page page(int fiscalYear, BoardQuery query, long unfilteredTotal) {
        BoardQuery.Where where = query.where();
        List<Object> args = new ArrayList<>();
        args.add(fiscalYear);
        args.addAll(where.args());
        Long total = where.sql().isEmpty()
                ? Long.valueOf(unfilteredTotal)
                : jdbc.queryForObject("SELECT COUNT(*)" + FROM + where.sql(), Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.offset());
        pageArgs.add(BoardQuery.PAGE_SIZE);
        List<Row> rows = jdbc.query(
                "SELECT " + ROW_COLUMNS + FROM + where.sql() + query.orderBy()
                        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                BoardStore::row,
                pageArgs.toArray());
        return new Page(rows, total == null ? 0 : total);
    }

    static final String ROW_COLUMNS = "cu.unit_code, u.name, u.supervisor, r.stage, cu.overdue, cu.due_date,"
            + " cu.submitted_at, r.total_score, r.grade, r.error_count, r.warning_count, r.instance_id, r.seen_by_finance,"
            + " r.published_on";

    static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4) == null ? StageNames.NOT_STARTED : rs.getString(4),
                rs.getBoolean(5),
                date(rs.getDate(6)),
                instant(rs.getTimestamp(7)),
                rs.getBigDecimal(8),
                rs.getString(9),
                integer(rs, 10),
                integer(rs, 11),
                rs.getString(12),
                rs.getBoolean(13),
                date(rs.getDate(14)));
    }

    /**
     * The year's units in one read for everything above the table ({@link Tally}): stage, overdue, day of first
     * submission (in the campaign's zone), 总分, 等级, 主管部门.
     */
    Tally tally(int fiscalYear, java.time.ZoneId zone) {
        Tally tally = new Tally();
        jdbc.query(
                "SELECT r.stage, cu.overdue, cu.submitted_at, r.total_score, r.grade, u.supervisor" + FROM,
                rs -> {
                    Timestamp submitted = rs.getTimestamp(3);
                    tally.add(
                            rs.getString(1),
                            rs.getBoolean(2),
                            submitted == null ? null : LocalDate.ofInstant(submitted.toInstant(), zone),
                            rs.getBigDecimal(4),
                            rs.getString(5),
                            rs.getString(6));
                },
                fiscalYear);
        return tally;
    }

    /** One report of a unit in the 本单位 view. */
    record UnitYear(
            int fiscalYear,
            String reportId,
            String stage,
            BigDecimal totalScore,
            String grade,
            LocalDate publishedOn,
            Integer rank,
            long ranked) {}

    /**
     * A unit's reports over the years, oldest first, each with its rank among the year's accepted and published
     * reports once it is one of them (one statement: the rank is one plus the count of higher 总分 that year).
     */
    List<UnitYear> unitYears(String unitCode) {
        String accepted = "('" + Stage.ACCEPTED + "', '" + Stage.PUBLISHED + "')";
        return jdbc.query(
                "SELECT r.fiscal_year, r.instance_id, r.stage, r.total_score, r.grade, r.published_on,"
                        + " (SELECT COUNT(*) FROM jx_report o WHERE o.fiscal_year = r.fiscal_year AND o.stage IN "
                        + accepted
                        + " AND o.total_score > r.total_score),"
                        + " (SELECT COUNT(*) FROM jx_report o WHERE o.fiscal_year = r.fiscal_year AND o.stage IN "
                        + accepted
                        + " AND o.total_score IS NOT NULL)"
                        + " FROM jx_report r WHERE r.unit_code = ? ORDER BY r.fiscal_year, r.started_at",
                (rs, i) -> {
                    String stage = rs.getString(3);
                    BigDecimal score = rs.getBigDecimal(4);
                    boolean ranked = StageNames.accepted(stage) && score != null;
                    return new UnitYear(
                            rs.getInt(1),
                            rs.getString(2),
                            stage,
                            score,
                            rs.getString(5),
                            date(rs.getDate(6)),
                            ranked ? Ranking.fromHigherCount(rs.getLong(7)) : null,
                            rs.getLong(8));
                },
                unitCode);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
