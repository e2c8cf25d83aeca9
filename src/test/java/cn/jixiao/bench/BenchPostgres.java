package cn.jixiao.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL server of the province shapes. By default the benchmark starts its own: Debian's PostgreSQL binaries
 * (/usr/lib/postgresql/N/bin, the newest N; or -Djixiao.bench.pgBin=), initdb into a temporary directory, the server on
 * a free loopback port with default settings, stopped and deleted at the end. As root, initdb and postgres refuse to
 * run, so they run as the {@code postgres} user ({@code runuser -u postgres --}). With -Djixiao.bench.pgUrl= (plus
 * pgUser, pgPassword; a role that may CREATE DATABASE) an existing server is used instead, a development aid. Each
 * shape gets a fresh database.
 */
final class BenchPostgres implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final Path home;
    private final Path bin;
    private final boolean asPostgresUser;
    private final Thread hook;

    private BenchPostgres(String adminUrl, String user, String password, Path home, Path bin, boolean asPostgresUser) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.home = home;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        this.hook = home == null ? null : new Thread(this::stop, "bench-postgres-stop");
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** The server to use, or null (and why on stdout) when there is none. */
    static BenchPostgres open(BenchConfig config) throws Exception {
        String url = System.getProperty("jixiao.bench.pgUrl", "");
        if (!url.isBlank()) {
            BenchPostgres pg = new BenchPostgres(
                    url,
                    System.getProperty("jixiao.bench.pgUser", "jixiao"),
                    System.getProperty("jixiao.bench.pgPassword", "jixiao"),
                    null,
                    null,
                    false);
            System.out.println("[bench] PostgreSQL: the server at " + url + " (-Djixiao.bench.pgUrl)");
            return pg;
        }
        Path bin = binaries();
        if (bin == null) {
            System.out.println("[bench] PostgreSQL: not installed (no /usr/lib/postgresql/*/bin/initdb, no"
                    + " -Djixiao.bench.pgBin, no -Djixiao.bench.pgUrl): the province shapes are skipped");
            return null;
        }
        return start(bin);
    }

    private static Path binaries() {
        String given = System.getProperty("jixiao.bench.pgBin", "");
        if (!given.isBlank()) {
            return Files.isExecutable(Paths.get(given, "initdb")) ? Paths.get(given) : null;
        }
        Path root = Paths.get("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(BenchPostgres::version))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static BenchPostgres start(Path bin) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        // A temporary directory the postgres user can reach (the build directory may not be readable to it).
        Path home = Files.createTempDirectory("jixiao-bench-pg-");
        Path data = home.resolve("data");
        Files.createDirectories(data);
        if (root) {
            run(List.of("chmod", "755", home.toString()), 30);
            run(List.of("chown", "-R", "postgres:postgres", home.toString()), 30);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long t = System.nanoTime();
        BenchPostgres pg =
                new BenchPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "jixiao", "", home, bin, root);
        pg.pgRun(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        "jixiao",
                        "--auth=trust",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8"),
                120);
        pg.pgRun(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-l",
                        home.resolve("server.log").toString(),
                        "-w",
                        "-t",
                        "120",
                        "-o",
                        ("-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c max_connections=200 "
                                        // Profiling aid: further server settings, e.g.
                                        // -Djixiao.bench.pgOptions="-c shared_preload_libraries=pg_stat_statements".
                                        + System.getProperty("jixiao.bench.pgOptions", ""))
                                .trim(),
                        "start"),
                150);
        System.out.printf(
                Locale.ROOT,
                "[bench] PostgreSQL: started %s on port %d in %s (%.1f s)%s%n",
                bin.getParent().getFileName(),
                port,
                data,
                (System.nanoTime() - t) / 1e9,
                root ? ", as user postgres" : "");
        return pg;
    }

    String version() {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement();
                var rows = s.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1) + (home == null ? " (existing server)" : " (started by the benchmark)");
        } catch (SQLException e) {
            return "unknown";
        }
    }

    /** A fresh database (dropped first if an earlier run left it); its JDBC URL. */
    String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    /**
     * Profiling aid: with {@code -Djixiao.bench.pgOptions=-cshared_preload_libraries=pg_stat_statements}, the
     * statements' counters of a database are reset here (the extension created if need be); false when the server
     * has no such library loaded.
     */
    boolean resetStatementStats(String url) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
            return true;
        } catch (SQLException notLoaded) {
            return false;
        }
    }

    /** The statements that took the server's time since {@link #resetStatementStats}, most first, as a text table. */
    String statementStats(String url, int top) {
        StringBuilder out = new StringBuilder("calls\ttotal ms\tmean ms\trows\tstatement\n");
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement();
                var rows = s.executeQuery("SELECT calls, total_exec_time, mean_exec_time, rows,"
                        + " regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements"
                        + " ORDER BY total_exec_time DESC LIMIT " + top)) {
            while (rows.next()) {
                out.append(String.format(
                        Locale.ROOT,
                        "%d\t%.0f\t%.3f\t%d\t%s%n",
                        rows.getLong(1),
                        rows.getDouble(2),
                        rows.getDouble(3),
                        rows.getLong(4),
                        rows.getString(5)));
            }
        } catch (SQLException e) {
            out.append(e.getMessage());
        }
        return out.toString();
    }

    /** Drops a database made by {@link #createDatabase} (on an existing server; a started one goes as a whole). */
    void dropDatabase(String name) {
        if (home != null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.out.println("[bench] PostgreSQL: could not drop " + name + ": " + e.getMessage());
        }
    }

    /**
     * The CPU time (user + system) of the server's processes so far — the postmaster and its children, read from /proc;
     * -1 for a server the benchmark did not start.
     */
    double cpuMs() {
        if (home == null) {
            return -1;
        }
        try {
            long postmaster =
                    Long.parseLong(Files.readAllLines(home.resolve("data").resolve("postmaster.pid"))
                            .get(0)
                            .trim());
            double total = processCpuMs(postmaster);
            try (Stream<Path> procs = Files.list(Paths.get("/proc"))) {
                for (Path proc : procs.toList()) {
                    String name = proc.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit)) {
                        String[] stat = statFields(Long.parseLong(name));
                        if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                            total += processCpuMs(Long.parseLong(name));
                        }
                    }
                }
            }
            return total;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A process's CPU time (user + system, with its waited-for children) in ms, from /proc/<pid>/stat; 0 if gone. */
    static double processCpuMs(long pid) {
        String[] f = statFields(pid);
        if (f == null) {
            return 0;
        }
        // Fields after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14); clock ticks of 10 ms.
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks * 10.0;
    }

    /** The fields of /proc/<pid>/stat after the command name, or null. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The application's settings for the database. */
    List<String> appArgs(String url) {
        return List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
    }

    @Override
    public void close() {
        stop();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private synchronized void stop() {
        if (home == null || !Files.exists(home)) {
            return;
        }
        try {
            pgRun(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            home.resolve("data").toString(),
                            "-m",
                            "fast",
                            "-w",
                            "stop"),
                    120);
            System.out.println("[bench] PostgreSQL: stopped");
        } catch (Exception e) {
            System.out.println("[bench] PostgreSQL: stop failed: " + e.getMessage());
        }
        BenchApp.deleteRecursively(home);
    }

    private void pgRun(List<String> command, long seconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, seconds);
    }

    private static void run(List<String> command, long seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + seconds + " s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                    + new String(out, StandardCharsets.UTF_8));
        }
    }
}
