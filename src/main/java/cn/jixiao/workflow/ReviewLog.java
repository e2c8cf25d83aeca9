package cn.jixiao.workflow;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Table jx_review_comment: every review decision of every report, written only by the review listener. */
@Component
public class ReviewLog {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private final JdbcTemplate jdbc;

  public ReviewLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void add(String instanceId, ReviewStep step, String decision, String author, String authorName,
      java.util.Date decidedAt, String comment, List<String> sections) {
    jdbc.update("INSERT INTO jx_review_comment (instance_id, step, decision, author, author_name, decided_at, comment_text, sections)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        instanceId, step.taskId(), decision, author, authorName, new Timestamp(decidedAt.getTime()), comment,
        String.join(",", sections));
  }

  /** The decisions on a report, oldest first. */
  public List<ReviewComment> of(String instanceId) {
    return jdbc.query("SELECT step, decision, author, author_name, decided_at, comment_text, sections FROM jx_review_comment"
        + " WHERE instance_id = ? ORDER BY id", ROW, instanceId);
  }

  private static final RowMapper<ReviewComment> ROW = (rs, i) -> {
    ReviewStep step = ReviewStep.byTaskId(rs.getString("step")).orElseThrow();
    String decision = rs.getString("decision");
    String sections = rs.getString("sections");
    return new ReviewComment(step.taskId(), step.label(), decision, step.decisions().get(decision),
        rs.getString("author"), rs.getString("author_name"), TIME.format(rs.getTimestamp("decided_at").toInstant()),
        rs.getString("comment_text") == null ? "" : rs.getString("comment_text"),
        sections == null || sections.isEmpty() ? List.of() : Arrays.asList(sections.split(",")));
  };
}
