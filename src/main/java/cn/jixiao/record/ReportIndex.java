package cn.jixiao.record;

import cn.jixiao.engine.Conflict;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Table jx_report: one row per report with its unit, year, stage and whether the finance bureau has received it.
 * Access decisions read this, never process variables (which task completers can write). Written in the engine's
 * transaction, so it never disagrees with the process.
 *
 * <p>A report keeps its id (the process instance that started it) for good; after a correction (更正) a new
 * instance carries it ({@code process_instance_id}). The model's listeners name the instance they run in, the API
 * names the report: {@link #find} takes either, the updates take the carrying instance.
 */
@Component("reportIndex")
public class ReportIndex {

    private static final String COLUMNS =
            "instance_id, unit_code, fiscal_year, stage, seen_by_finance, published_on, started_at,"
                    + " process_instance_id, first_published_on, correction_count";
    private static final RowMapper<ReportEntry> ROW = (rs, i) -> new ReportEntry(
            rs.getString("instance_id"),
            rs.getString("unit_code"),
            rs.getInt("fiscal_year"),
            rs.getString("stage"),
            rs.getBoolean("seen_by_finance"),
            date(rs.getDate("published_on")),
            rs.getTimestamp("started_at").toInstant(),
            rs.getString("process_instance_id") == null
                    ? rs.getString("instance_id")
                    : rs.getString("process_instance_id"),
            date(rs.getDate("first_published_on")),
            rs.getInt("correction_count"));

    /** The report's id, whether given the report's id or the id of the process instance carrying it now. */
    static final String REPORT_ID_OF =
            "COALESCE((SELECT carrier.instance_id FROM jx_report carrier WHERE carrier.process_instance_id = ?), ?)";

    private final JdbcTemplate jdbc;

    public ReportIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(String instanceId, String unitCode, int fiscalYear) {
        try {
            jdbc.update(
                    "INSERT INTO jx_report (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    instanceId,
                    unitCode,
                    fiscalYear,
                    Stage.DRAFTING,
                    false,
                    null,
                    new Timestamp(ClockUtil.getCurrentTime().getTime()),
                    instanceId,
                    null,
                    0);
        } catch (DuplicateKeyException e) {
            // Another start for the same unit and year committed first (the unique index jx_report_unit_year decides).
            throw new Conflict("该单位" + fiscalYear + "年度的自评报告刚刚已由他人发起，不能重复发起，请刷新后查看", null);
        }
    }

    /** The report of a unit for a year (there is at most one: the unique index jx_report_unit_year). */
    public Optional<ReportEntry> findByUnitAndYear(String unitCode, int fiscalYear) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS
                                + " FROM jx_report WHERE unit_code = ? AND fiscal_year = ? ORDER BY started_at",
                        ROW,
                        unitCode,
                        fiscalYear)
                .stream()
                .findFirst();
    }

    /** The unit's latest report of a year before {@code fiscalYear} that was accepted or published. */
    public Optional<ReportEntry> lastFinishedBefore(String unitCode, int fiscalYear) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS
                                + " FROM jx_report WHERE unit_code = ? AND fiscal_year < ? AND stage IN (?, ?)"
                                + " ORDER BY fiscal_year DESC, started_at DESC",
                        ROW,
                        unitCode,
                        fiscalYear,
                        Stage.ACCEPTED,
                        Stage.PUBLISHED)
                .stream()
                .findFirst();
    }

    /** Called from the model as {@code ${reportIndex.stage(execution, 'drafting')}}. */
    public void stage(DelegateExecution execution, String stage) {
        jdbc.update(
                "UPDATE jx_report SET stage = ? WHERE process_instance_id = ?",
                stage,
                execution.getProcessInstanceId());
    }

    public void markSeenByFinance(String processInstanceId) {
        jdbc.update("UPDATE jx_report SET seen_by_finance = ? WHERE process_instance_id = ?", true, processInstanceId);
    }

    /** 公开日期: the latest publication; the first one is kept as 首次公开日期. */
    public void markPublished(String processInstanceId, LocalDate publishedOn) {
        jdbc.update(
                "UPDATE jx_report SET published_on = ?, first_published_on = COALESCE(first_published_on, ?)"
                        + " WHERE process_instance_id = ?",
                Date.valueOf(publishedOn),
                Date.valueOf(publishedOn),
                processInstanceId);
    }

    /**
     * 更正: the published report {@code reportId} is carried from now on by the process instance
     * {@code processInstanceId}, back in drafting, off the public page. Only a report published right now is taken
     * (one statement, so of two corrections at once only one takes it); false when it was not.
     */
    public boolean openCorrection(String reportId, String processInstanceId) {
        return jdbc.update(
                        "UPDATE jx_report SET stage = ?, process_instance_id = ?,"
                                + " first_published_on = COALESCE(first_published_on, published_on), correction_count = correction_count + 1,"
                                + " checks_passed = ?, checked_digest = NULL WHERE instance_id = ? AND stage = ?",
                        Stage.DRAFTING,
                        processInstanceId,
                        false,
                        reportId,
                        Stage.PUBLISHED)
                == 1;
    }

    /** What the checks of the last submission found: passed or not, and the digest of the report as checked. */
    public void recordChecks(String processInstanceId, boolean passed, String digest) {
        jdbc.update(
                "UPDATE jx_report SET checks_passed = ?, checked_digest = ? WHERE process_instance_id = ?",
                passed,
                digest,
                processInstanceId);
    }

    /** Whether the last submission passed the checks, with the digest of the report as checked. */
    public Optional<Checks> checks(String processInstanceId) {
        return jdbc
                .query(
                        "SELECT checks_passed, checked_digest FROM jx_report WHERE process_instance_id = ?",
                        (rs, i) -> new Checks(rs.getBoolean("checks_passed"), rs.getString("checked_digest")),
                        processInstanceId)
                .stream()
                .findFirst();
    }

    /** The outcome of the last checks of a report. */
    public record Checks(boolean passed, String digest) {}

    /** The report with this id, or the one the process instance with this id carries. */
    public Optional<ReportEntry> find(String id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM jx_report WHERE instance_id = " + REPORT_ID_OF, ROW, id, id)
                .stream()
                .findFirst();
    }

    /** The ids of the reports the given process instances carry (instances carrying none are left out). */
    public java.util.Map<String, String> reportIdsOf(Collection<String> processInstanceIds) {
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(processInstanceIds));
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            jdbc.query(
                    "SELECT instance_id, process_instance_id FROM jx_report WHERE process_instance_id IN ("
                            + String.join(", ", chunk.stream().map(c -> "?").toList()) + ")",
                    rs -> {
                        ids.put(rs.getString("process_instance_id"), rs.getString("instance_id"));
                    },
                    chunk.toArray());
        }
        return ids;
    }

    /**
     * Reports matching the filters that the caller may see: all of them ({@code everything}), or those of
     * {@code units}, plus those the finance bureau has received ({@code seenByFinance}). Newest first.
     */
    public List<ReportEntry> list(Integer fiscalYear, String unitCode, String stage, Visibility visibility) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jx_report WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (fiscalYear != null) {
            sql.append(" AND fiscal_year = ?");
            args.add(fiscalYear);
        }
        if (unitCode != null && !unitCode.isBlank()) {
            sql.append(" AND unit_code = ?");
            args.add(unitCode);
        }
        if (stage != null && !stage.isBlank()) {
            sql.append(" AND stage = ?");
            args.add(stage);
        }
        if (!visibility.everything()) {
            List<String> parts = new ArrayList<>();
            if (!visibility.units().isEmpty()) {
                parts.add("unit_code IN ("
                        + String.join(
                                ", ", visibility.units().stream().map(u -> "?").toList()) + ")");
                args.addAll(visibility.units());
            }
            if (visibility.seenByFinance()) {
                parts.add("seen_by_finance = ?");
                args.add(true);
            }
            if (parts.isEmpty()) {
                return List.of();
            }
            sql.append(" AND (").append(String.join(" OR ", parts)).append(")");
        }
        sql.append(" ORDER BY started_at DESC, instance_id");
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** What a caller may see in a list. */
    public record Visibility(boolean everything, Collection<String> units, boolean seenByFinance) {}
}
