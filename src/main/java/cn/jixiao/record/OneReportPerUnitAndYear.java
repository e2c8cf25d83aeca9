package cn.jixiao.record;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One report per unit and fiscal year, kept by the database itself (a unique index on jx_report), so that two
 * starts at the same moment — a clerk's and the campaign's, or two nodes' — cannot both succeed. A database that
 * already holds two reports of one unit and year (possible before this version) keeps working: the index is not
 * created, the log names the pairs, and every start is still checked in code until they are cleared up.
 * {@code jixiao.reports.one-per-unit-and-year: false} switches the rule off (only the test suites that start the
 * same sample report many times in one database do so; the rule itself is tested with it on).
 */
@Component
@Order(0)
public class OneReportPerUnitAndYear implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(OneReportPerUnitAndYear.class);
    static final String INDEX = "jx_report_unit_year";

    private final JdbcTemplate jdbc;
    private final boolean enabled;

    public OneReportPerUnitAndYear(
            JdbcTemplate jdbc, @Value("${jixiao.reports.one-per-unit-and-year:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            LOG.warn("jixiao.reports.one-per-unit-and-year is off: a unit may start several reports for one year");
            return;
        }
        var twice = jdbc.queryForList("SELECT unit_code, fiscal_year, COUNT(*) AS n FROM jx_report"
                + " GROUP BY unit_code, fiscal_year HAVING COUNT(*) > 1");
        if (!twice.isEmpty()) {
            LOG.error(
                    "unique index {} not created: these units have more than one report for a year {}; new starts are"
                            + " still refused in code",
                    INDEX,
                    twice);
            return;
        }
        try {
            jdbc.execute("CREATE UNIQUE INDEX IF NOT EXISTS " + INDEX + " ON jx_report (unit_code, fiscal_year)");
        } catch (DataAccessException e) {
            LOG.warn("unique index {} not created: {}", INDEX, e.getMessage());
        }
    }
}
