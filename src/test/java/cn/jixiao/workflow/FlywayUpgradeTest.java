package cn.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.JixiaoApplication;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * An ./data database of the version before Flyway upgrades in place: an H2 file made with that version's schema.sql
 * (kept verbatim in src/test/resources/upgrade) and holding units, reports and review comments is opened by the
 * application, which baselines it, runs the migrations, and keeps every row; a second start changes nothing.
 */
@Tag("workflow")
class FlywayUpgradeTest {

    @TempDir
    Path dataDir;

    @Test
    void aDatabaseOfTheVersionBeforeFlywayUpgradesWithNothingLost() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/jixiao;AUTO_SERVER=FALSE;MODE=LEGACY";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("upgrade/schema-before-flyway.sql"));
            var statement = connection.createStatement();
            statement.execute("INSERT INTO jx_unit VALUES ('430423-OLD', '衡山县旧单位', '衡山县人民政府')");
            statement.execute("INSERT INTO jx_report (instance_id, unit_code, fiscal_year, stage, seen_by_finance,"
                    + " published_on, started_at, checks_passed, process_instance_id, first_published_on, correction_count)"
                    + " VALUES ('old-1', '430423-OLD', 2021, 'published', TRUE, DATE '2026-11-20', TIMESTAMP '2026-11-01 09:00:00',"
                    + " TRUE, 'old-1', DATE '2026-11-20', 0)");
            statement.execute(
                    "INSERT INTO jx_review_comment (instance_id, step, decision, author, author_name, decided_at,"
                            + " comment_text, sections) VALUES ('old-1', 'financeReview', 'accept', 'finance', '财政',"
                            + " TIMESTAMP '2026-11-20 10:00:00', '同意', '')");
            statement.execute(
                    "INSERT INTO jx_campaign (fiscal_year, deadline, created_at, handled_up_to)"
                            + " VALUES (2021, DATE '2026-12-31', TIMESTAMP '2026-11-01 09:00:00', TIMESTAMP '2026-11-01 09:00:00')");
        }

        for (int start = 1; start <= 2; start++) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JixiaoApplication.class)
                    .run(
                            "--server.port=0",
                            "--jixiao.data-dir=" + dataDir.toAbsolutePath(),
                            "--spring.datasource.url=" + url,
                            "--camunda.bpm.process-engine-name=wf-upgrade")) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT name FROM jx_unit WHERE code = '430423-OLD'", String.class))
                        .isEqualTo("衡山县旧单位");
                Map<String, Object> report = jdbc.queryForMap("SELECT * FROM jx_report WHERE instance_id = 'old-1'");
                assertThat(report).containsEntry("STAGE", "published").containsEntry("FISCAL_YEAR", 2021);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jx_report", Integer.class))
                        .isEqualTo(1);
                assertThat(jdbc.queryForObject(
                                "SELECT comment_text FROM jx_review_comment WHERE instance_id = 'old-1' AND step = 'financeReview'",
                                String.class))
                        .isEqualTo("同意");
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jx_campaign", Integer.class))
                        .isEqualTo(1);
                // Baselined at 0, then every migration applied once, and the sessions' table is there.
                List<String> versions = jdbc.queryForList(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"",
                        String.class);
                assertThat(versions).startsWith("0", "1", "2").doesNotHaveDuplicates();
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class))
                        .isNotNull();
                // A new review comment continues the old identity column.
                jdbc.update("INSERT INTO jx_review_comment (instance_id, step, decision, decided_at)"
                        + " VALUES ('old-1', 'correction', 'request', CURRENT_TIMESTAMP)");
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jx_review_comment", Integer.class))
                        .isEqualTo(start + 1);
            }
        }
    }
}
