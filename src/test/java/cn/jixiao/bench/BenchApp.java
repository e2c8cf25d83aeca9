package cn.jixiao.bench;

import cn.jixiao.JixiaoApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application in this JVM with its own configuration (application.yaml, H2 on file) on a fresh data
 * directory; extra settings are given as command-line arguments (they win over application.yaml).
 */
final class BenchApp {

    private BenchApp() {}

    static ConfigurableApplicationContext start(Path dbDir, String... extra) {
        return start(dbDir, false, extra);
    }

    /** With {@code reuse}, an existing database from an earlier run is kept (a profiling aid, -Dbench.reuseDb=true). */
    static ConfigurableApplicationContext start(Path dbDir, boolean reuse, String... extra) {
        if (!reuse) {
            deleteRecursively(dbDir);
        }
        List<String> args = new ArrayList<>(List.of(
                // The application's own database URL (application.yaml), on a data directory of the benchmark's.
                "--jixiao.data-dir=" + dbDir,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.cn.jixiao=WARN",
                // The load shapes start many reports per unit (a unit's reports of many years compressed into one); the
                // rule
                // of one report per unit and year would refuse them.
                "--jixiao.reports.one-per-unit-and-year=false"));
        args.addAll(List.of(extra));
        // Profiling aid: more settings for the application, separated by '|', e.g. -Djixiao.bench.appArgs=--a=b|--c=d
        String more = System.getProperty("jixiao.bench.appArgs", "");
        if (!more.isBlank()) {
            args.addAll(List.of(more.split("\\|")));
        }
        return new SpringApplicationBuilder(JixiaoApplication.class).run(args.toArray(String[]::new));
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
