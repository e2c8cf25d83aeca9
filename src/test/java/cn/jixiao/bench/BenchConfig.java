package cn.jixiao.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The benchmark's settings, from system properties the {@code bench} Maven profile passes (each can be overridden
 * with {@code -Dbench.xxx=} on the Maven command line).
 */
record BenchConfig(
        Path buildDir,
        Path dir,
        Path jar,
        Path basedir,
        Set<String> parts,
        int reports,
        int warmUpReports,
        int runs,
        int openReports,
        int units,
        int users,
        long warmUpSeconds,
        long runSeconds,
        long thinkMs,
        int renders) {

    static BenchConfig fromSystemProperties() {
        Path buildDir =
                Paths.get(System.getProperty("jixiao.build.dir", "target")).toAbsolutePath();
        return new BenchConfig(
                buildDir,
                buildDir.resolve("bench"),
                Paths.get(System.getProperty(
                        "jixiao.bench.jar",
                        buildDir.resolve("jixiao-0.1.0-SNAPSHOT.jar").toString())),
                Paths.get(System.getProperty("jixiao.bench.basedir", System.getProperty("user.dir")))
                        .toAbsolutePath(),
                new LinkedHashSet<>(Arrays.asList(
                        System.getProperty("jixiao.bench.parts", "lifecycle,document,taskQuery,province,startup")
                                .split("\\s*,\\s*"))),
                Integer.getInteger("jixiao.bench.reports", 500),
                Integer.getInteger("jixiao.bench.warmUpReports", 50),
                Integer.getInteger("jixiao.bench.runs", 3),
                Integer.getInteger("jixiao.bench.openReports", 0),
                Integer.getInteger("jixiao.bench.units", 100),
                Integer.getInteger("jixiao.bench.users", 50),
                Long.getLong("jixiao.bench.warmUpSeconds", 10),
                Long.getLong("jixiao.bench.runSeconds", 15),
                Long.getLong("jixiao.bench.thinkMs", 1000),
                Integer.getInteger("jixiao.bench.renders", 200));
    }

    boolean runs(String part) {
        return parts.contains(part);
    }
}
