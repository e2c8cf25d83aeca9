package cn.jixiao.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An online, consistent backup of the embedded H2 database while the application runs: H2's {@code BACKUP TO}
 * writes a zip of the database file as of one moment, without stopping anyone. Restoring is unzipping it into an
 * empty data directory before the application starts (README, 备份与恢复). A PostgreSQL installation backs up with
 * its own tools, an in-memory database not at all: both are refused with the reason.
 */
@Component
public class DatabaseBackup {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneId.of("Asia/Shanghai"));

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Path directory;
    private final Clock clock;

    public DatabaseBackup(JdbcTemplate jdbc, DataSource dataSource, @Value("${jixiao.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.directory = Path.of(dataDir, "backups");
        this.clock = Clock.systemUTC();
    }

    /** A backup that was written: its file and size. */
    public record Written(Path file, long bytes) {}

    /** Why a backup cannot be made here (not the embedded H2 on file). */
    public static final class NotPossible extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPossible(String message) {
            super(message);
        }
    }

    /** Writes a backup now and returns where. */
    public synchronized Written backUp() {
        String url = url();
        if (url.startsWith("jdbc:h2:mem:")) {
            throw new NotPossible("当前使用内存数据库，重启即清空，无法备份");
        }
        if (!url.startsWith("jdbc:h2:")) {
            throw new NotPossible("当前数据库不是内置的 H2 数据库，请使用该数据库自带的备份工具（如 PostgreSQL 的 pg_dump）");
        }
        try {
            Files.createDirectories(directory);
            Path file = directory
                    .resolve("jixiao-" + STAMP.format(clock.instant()) + ".zip")
                    .toAbsolutePath();
            jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            return new Written(file, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database URL", e);
        }
    }
}
