package cn.jixiao.campaign;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Tables jx_campaign, jx_campaign_unit and jx_campaign_reminder. Written in the engine's transaction (the same
 * data source), so a launch batch, a tick or a deadline change is recorded together with what the engine did.
 */
@Component
class CampaignStore {

    record Campaign(
            int fiscalYear,
            String instanceId,
            LocalDate deadline,
            String notice,
            String createdBy,
            Instant createdAt,
            Instant launchedAt,
            Instant handledUpTo,
            String profile,
            String reportScope) {}

    record ScopeRow(
            int fiscalYear,
            String unitCode,
            LocalDate due,
            String reportId,
            Instant addedAt,
            boolean overdue,
            Instant overdueMarkedAt,
            Instant submittedAt) {}

    private static final RowMapper<Campaign> CAMPAIGN = (rs, i) -> new Campaign(
            rs.getInt("fiscal_year"),
            rs.getString("instance_id"),
            rs.getDate("deadline").toLocalDate(),
            rs.getString("notice"),
            rs.getString("created_by"),
            instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("launched_at")),
            instant(rs.getTimestamp("handled_up_to")),
            rs.getString("profile"),
            rs.getString("report_scope"));

    private static final RowMapper<ScopeRow> SCOPE = (rs, i) -> new ScopeRow(
            rs.getInt("fiscal_year"),
            rs.getString("unit_code"),
            rs.getDate("due_date").toLocalDate(),
            rs.getString("report_id"),
            instant(rs.getTimestamp("added_at")),
            rs.getBoolean("overdue"),
            instant(rs.getTimestamp("overdue_marked_at")),
            instant(rs.getTimestamp("submitted_at")));

    private final JdbcTemplate jdbc;

    CampaignStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** Records a new campaign; false when the year has one already (the primary key decides). */
    boolean create(
            int fiscalYear,
            String instanceId,
            LocalDate deadline,
            String notice,
            String profile,
            String reportScope,
            String createdBy,
            Instant now) {
        try {
            jdbc.update(
                    "INSERT INTO jx_campaign (fiscal_year, instance_id, deadline, notice, profile, report_scope,"
                            + " created_by, created_at, handled_up_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    fiscalYear,
                    instanceId,
                    Date.valueOf(deadline),
                    notice,
                    profile,
                    reportScope,
                    createdBy,
                    ts(now),
                    ts(now));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Campaign> find(int fiscalYear) {
        return jdbc.query("SELECT * FROM jx_campaign WHERE fiscal_year = ?", CAMPAIGN, fiscalYear).stream()
                .findFirst();
    }

    List<Campaign> all() {
        return jdbc.query("SELECT * FROM jx_campaign ORDER BY fiscal_year DESC", CAMPAIGN);
    }

    /** Adds units to the scope with the given due date; units already in it are left as they are. */
    int addUnits(int fiscalYear, Collection<String> unitCodes, LocalDate due, Instant now) {
        List<String> present = jdbc.queryForList(
                "SELECT unit_code FROM jx_campaign_unit WHERE fiscal_year = ?", String.class, fiscalYear);
        List<Object[]> rows = new ArrayList<>();
        for (String code : unitCodes) {
            if (!present.contains(code)) {
                rows.add(new Object[] {fiscalYear, code, Date.valueOf(due), ts(now)});
            }
        }
        jdbc.batchUpdate(
                "INSERT INTO jx_campaign_unit (fiscal_year, unit_code, due_date, added_at) VALUES (?, ?, ?, ?)", rows);
        return rows.size();
    }

    List<ScopeRow> scope(int fiscalYear) {
        return jdbc.query("SELECT * FROM jx_campaign_unit WHERE fiscal_year = ? ORDER BY unit_code", SCOPE, fiscalYear);
    }

    Optional<ScopeRow> scopeRow(int fiscalYear, String unitCode) {
        return jdbc
                .query(
                        "SELECT * FROM jx_campaign_unit WHERE fiscal_year = ? AND unit_code = ?",
                        SCOPE,
                        fiscalYear,
                        unitCode)
                .stream()
                .findFirst();
    }

    /** Units of the scope without a report yet, in a stable order, at most {@code limit}. */
    List<ScopeRow> notLaunched(int fiscalYear, int limit) {
        return jdbc.query(
                "SELECT * FROM jx_campaign_unit WHERE fiscal_year = ? AND report_id IS NULL ORDER BY unit_code"
                        + " FETCH FIRST " + limit + " ROWS ONLY",
                SCOPE,
                fiscalYear);
    }

    int notLaunchedCount(int fiscalYear) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM jx_campaign_unit WHERE fiscal_year = ? AND report_id IS NULL",
                Integer.class,
                fiscalYear);
        return n == null ? 0 : n;
    }

    void setReport(int fiscalYear, String unitCode, String reportId) {
        jdbc.update(
                "UPDATE jx_campaign_unit SET report_id = ? WHERE fiscal_year = ? AND unit_code = ?",
                reportId,
                fiscalYear,
                unitCode);
    }

    void launched(int fiscalYear, Instant now) {
        jdbc.update(
                "UPDATE jx_campaign SET launched_at = ? WHERE fiscal_year = ? AND launched_at IS NULL",
                ts(now),
                fiscalYear);
    }

    void handledUpTo(int fiscalYear, Instant upTo) {
        jdbc.update("UPDATE jx_campaign SET handled_up_to = ? WHERE fiscal_year = ?", ts(upTo), fiscalYear);
    }

    void setDeadline(int fiscalYear, LocalDate deadline) {
        jdbc.update("UPDATE jx_campaign SET deadline = ? WHERE fiscal_year = ?", Date.valueOf(deadline), fiscalYear);
    }

    void setDue(int fiscalYear, Collection<String> unitCodes, LocalDate due) {
        List<Object[]> rows = unitCodes.stream()
                .map(code -> new Object[] {Date.valueOf(due), fiscalYear, code})
                .toList();
        jdbc.batchUpdate("UPDATE jx_campaign_unit SET due_date = ? WHERE fiscal_year = ? AND unit_code = ?", rows);
    }

    /** Marks a unit overdue once; the mark stays when it submits later. */
    boolean markOverdue(int fiscalYear, String unitCode, Instant now) {
        return jdbc.update(
                        "UPDATE jx_campaign_unit SET overdue = ?, overdue_marked_at = ? WHERE fiscal_year = ?"
                                + " AND unit_code = ? AND overdue = ?",
                        true,
                        ts(now),
                        fiscalYear,
                        unitCode,
                        false)
                == 1;
    }

    /** The first submission to the unit's leader, once. */
    void submitted(int fiscalYear, String unitCode, Instant now) {
        jdbc.update(
                "UPDATE jx_campaign_unit SET submitted_at = ? WHERE fiscal_year = ? AND unit_code = ?"
                        + " AND submitted_at IS NULL",
                ts(now),
                fiscalYear,
                unitCode);
    }

    /** Records a reminder as sent; false when it was sent before (the primary key decides). */
    boolean reminderSent(int fiscalYear, String unitCode, int daysBefore, Instant now) {
        // Checked first: a failed insert would end a PostgreSQL transaction; ticks of one campaign never run at once.
        Integer sent = jdbc.queryForObject(
                "SELECT COUNT(*) FROM jx_campaign_reminder WHERE fiscal_year = ?"
                        + " AND unit_code = ? AND days_before = ?",
                Integer.class,
                fiscalYear,
                unitCode,
                daysBefore);
        if (sent != null && sent > 0) {
            return false;
        }
        jdbc.update(
                "INSERT INTO jx_campaign_reminder (fiscal_year, unit_code, days_before, sent_at) VALUES (?, ?, ?, ?)",
                fiscalYear,
                unitCode,
                daysBefore,
                ts(now));
        return true;
    }

    int remindersSent(int fiscalYear, String unitCode) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM jx_campaign_reminder WHERE fiscal_year = ? AND unit_code = ?",
                Integer.class,
                fiscalYear,
                unitCode);
        return n == null ? 0 : n;
    }
}
