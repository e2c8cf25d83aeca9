package cn.jixiao.record;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Table jx_review_comment: every review decision of every report, written only by the workflow's own listeners, plus
 * each correction (更正) asked for and each publication after one. Kept per report: the process instance of a
 * correction writes into (and reads) the log of the report it carries.
 */
@Component
public class ReviewLog {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final JdbcTemplate jdbc;

    public ReviewLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(
            String instanceId,
            ReviewStep step,
            String decision,
            String author,
            String authorName,
            java.util.Date decidedAt,
            String comment,
            List<String> sections) {
        jdbc.update(
                "INSERT INTO jx_review_comment (instance_id, step, decision, author, author_name, decided_at, comment_text, sections)"
                        + " VALUES (" + ReportIndex.REPORT_ID_OF + ", ?, ?, ?, ?, ?, ?, ?)",
                instanceId,
                instanceId,
                step.taskId(),
                decision,
                author,
                authorName,
                new Timestamp(decidedAt.getTime()),
                comment,
                String.join(",", sections));
    }

    /** The id of the report a process instance carries (its own id for the instance that started the report). */
    public String reportId(String processInstanceId) {
        return jdbc.queryForObject(
                "SELECT " + ReportIndex.REPORT_ID_OF, String.class, processInstanceId, processInstanceId);
    }

    /** The decisions on a report (given its id or the id of the process instance carrying it), oldest first. */
    public List<ReviewComment> of(String instanceId) {
        return jdbc.query(
                "SELECT step, decision, author, author_name, decided_at, comment_text, sections FROM jx_review_comment"
                        + " WHERE instance_id = " + ReportIndex.REPORT_ID_OF + " ORDER BY id",
                ROW,
                instanceId,
                instanceId);
    }

    private static final RowMapper<ReviewComment> ROW = (rs, i) -> {
        ReviewStep step = ReviewStep.byTaskId(rs.getString("step")).orElseThrow();
        String decision = rs.getString("decision");
        String sections = rs.getString("sections");
        return new ReviewComment(
                step.taskId(),
                step.label(),
                decision,
                step.decisions().get(decision),
                rs.getString("author"),
                rs.getString("author_name"),
                TIME.format(rs.getTimestamp("decided_at").toInstant()),
                rs.getString("comment_text") == null ? "" : rs.getString("comment_text"),
                sections == null || sections.isEmpty() ? List.of() : Arrays.asList(sections.split(",")));
    };
}
