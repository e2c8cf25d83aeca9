package cn.jixiao.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL server the PostgreSQL suite runs on, from the environment as .ci/run exports it: JX_PG_URL (a
 * database the role may connect to, e.g. jdbc:postgresql://localhost:5432/jixiao), JX_PG_USER, JX_PG_PASSWORD. The role
 * needs CREATEDB: each application the suite starts gets a database of its own, as each H2 test gets its own in-memory
 * database, and databases left by an earlier run are dropped at the first use in a JVM.
 */
public final class PostgresServer {

    /** Set (to true) by the Surefire executions that run the PostgreSQL suite (pom.xml). */
    public static final String SUITE_PROPERTY = "jixiao.test.postgres";

    static final String PREFIX = "jxt_";

    private static volatile Boolean leftoversDropped;

    private PostgresServer() {}

    public static boolean suiteActive() {
        return Boolean.getBoolean(SUITE_PROPERTY);
    }

    public static String url() {
        return env("JX_PG_URL", "jdbc:postgresql://localhost:5432/jixiao");
    }

    public static String user() {
        return env("JX_PG_USER", "jixiao");
    }

    public static String password() {
        return env("JX_PG_PASSWORD", "jixiao");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Null when the server answers; otherwise why not. */
    public static String unavailableReason() {
        try (Connection connection = DriverManager.getConnection(url(), user(), password())) {
            return connection.isValid(5) ? null : "no answer";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** A new, empty database; its JDBC URL. */
    public static synchronized String createDatabase(String purpose) {
        String name = PREFIX + purpose.toLowerCase().replaceAll("[^a-z0-9]", "") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(url(), user(), password());
                Statement statement = connection.createStatement()) {
            if (leftoversDropped == null) {
                dropLeftovers(connection);
                leftoversDropped = true;
            }
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a PostgreSQL database at " + url() + ": " + e.getMessage(), e);
        }
        int slash = url().lastIndexOf('/');
        int query = url().indexOf('?', slash);
        return url().substring(0, slash + 1) + name + (query < 0 ? "" : url().substring(query));
    }

    private static void dropLeftovers(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        for (String name : names) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                // Another run's database still in use, or another owner's: left alone.
            }
        }
    }
}
