package cn.jixiao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Profiling aid (-Dbench.sqlStats=true): H2's own per-statement statistics (INFORMATION_SCHEMA.QUERY_STATISTICS)
 * over a block of work, written as a table: executions per unit of work, time, rows.
 */
final class SqlStats {

    private SqlStats() {}

    static boolean enabled() {
        return Boolean.getBoolean("jixiao.bench.sqlStats");
    }

    static void start(JdbcTemplate jdbc) {
        jdbc.execute("SET QUERY_STATISTICS FALSE");
        jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 2000");
        jdbc.execute("SET QUERY_STATISTICS TRUE");
    }

    /** Writes the statistics since {@link #start} per unit of work and stops collecting; returns a one-line summary. */
    static String stop(JdbcTemplate jdbc, int units, Path file) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME,"
                        + " CUMULATIVE_ROW_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC");
        jdbc.execute("SET QUERY_STATISTICS FALSE");
        StringBuilder out = new StringBuilder();
        long executions = 0;
        double ms = 0;
        for (Map<String, Object> row : rows) {
            String sql = String.valueOf(row.get("SQL_STATEMENT"));
            if (sql.contains("QUERY_STATISTICS")) {
                continue;
            }
            long count = ((Number) row.get("EXECUTION_COUNT")).longValue();
            double time = ((Number) row.get("CUMULATIVE_EXECUTION_TIME")).doubleValue();
            executions += count;
            ms += time;
            out.append(String.format(
                    Locale.ROOT,
                    "%8.2f/unit %9.3f ms/unit %8.1f rows/unit  %s%n",
                    count / (double) units,
                    time / units,
                    ((Number) row.get("CUMULATIVE_ROW_COUNT")).doubleValue() / units,
                    sql.replaceAll("\\s+", " ")));
        }
        String summary = String.format(
                Locale.ROOT,
                "%.1f statements and %.2f ms in H2 per unit (%d units)",
                executions / (double) units,
                ms / units,
                units);
        try {
            Files.writeString(file, summary + "\n" + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summary;
    }
}
