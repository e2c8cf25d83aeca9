package cn.jixiao.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The province shapes on PostgreSQL (issue 17): {@code taskQuery.province} — 10,000 units with one open report each,
 * two nodes of the packaged application on one database, 200 clerks spread over both, listing, reading and completing
 * drafting tasks — and {@code taskQuery.stress} — 100 units × 100 open reports on one application (in this JVM), the
 * shape the Tasklist's authorized task query handles worst. Skipped with a message when no PostgreSQL is installed.
 */
final class ProvinceBench {

    private ProvinceBench() {}

    static void run(BenchConfig config, BenchResults results) throws Exception {
        ObjectNode section = results.section("taskQuery");
        List<String> shapes = List.of(System.getProperty("jixiao.bench.provinceShapes", "province,stress")
                .split("\\s*,\\s*"));
        try (BenchPostgres pg = BenchPostgres.open(config)) {
            if (pg == null) {
                section.putObject("province").put("skipped", "no PostgreSQL installed");
                section.putObject("stress").put("skipped", "no PostgreSQL installed");
                return;
            }
            String version = pg.version();
            if (shapes.contains("province")) {
                ObjectNode out = section.putObject("province");
                out.put("postgres", version);
                province(config, pg, out);
            }
            if (shapes.contains("stress")) {
                ObjectNode out = section.putObject("stress");
                out.put("postgres", version);
                String url = pg.createDatabase("jxbench_stress");
                try {
                    TaskQueryBench.runShape(
                            config,
                            "db-taskquery-stress",
                            Integer.getInteger("jixiao.bench.stressUnits", 100),
                            Integer.getInteger("jixiao.bench.stressReports", 10_000),
                            out,
                            pg.appArgs(url));
                } finally {
                    pg.dropDatabase("jxbench_stress");
                }
            }
        }
    }

    private static void province(BenchConfig config, BenchPostgres pg, ObjectNode out) throws Exception {
        long t0 = System.nanoTime();
        int unitCount = Integer.getInteger("jixiao.bench.provinceUnits", 10_000);
        String url = pg.createDatabase("jxbench_province");
        try {
            // Seeded through the application's own services in this JVM (as taskQuery is), then stopped; the two
            // nodes are the packaged jar in JVMs of their own on the seeded database.
            List<String> args = new ArrayList<>(
                    List.of("--server.port=0", "--spring.profiles.active=demo", "--jixiao.node-name=bench-seed"));
            args.addAll(pg.appArgs(url));
            List<String> codes = new ArrayList<>();
            String filterId;
            try (ConfigurableApplicationContext seed =
                    BenchApp.start(config.dir().resolve("db-province-seed"), args.toArray(String[]::new))) {
                TaskQueryBench bench = new TaskQueryBench(config, seed, unitCount, unitCount);
                bench.setUp(out);
                bench.units().forEach(u -> codes.add(u.code()));
                filterId = bench.filterId();
            }
            System.out.printf(Locale.ROOT, "[bench] province: seeded in %.0f s%n", (System.nanoTime() - t0) / 1e9);
            ProvinceLoad.run(config, pg, url, codes, filterId, out);
        } finally {
            pg.dropDatabase("jxbench_province");
        }
        out.put("totalSeconds", BenchStats.round((System.nanoTime() - t0) / 1e9, 0));
        System.out.printf(Locale.ROOT, "[bench] province done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
