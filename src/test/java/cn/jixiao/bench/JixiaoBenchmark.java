package cn.jixiao.bench;

import org.junit.jupiter.api.Test;

/**
 * The benchmark (issue 7), never part of the normal test run (surefire runs *Test, *Tests and Test* only): run it
 * with {@code mvn -B -Pbench verify}. Writes {@code <build dir>/bench/results.json} and prints a table. Figures and
 * method: docs/BENCHMARK.md.
 */
class JixiaoBenchmark {

    @Test
    void measure() throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        BenchResults results = new BenchResults(config);
        System.out.printf(
                "[bench] parts %s, build dir %s, load average %s%n",
                config.parts(), config.buildDir(), BenchResults.loadAverage());
        if (config.runs("lifecycle") || config.runs("document")) {
            LifecycleBench.run(config, results);
        }
        if (config.runs("taskQuery")) {
            TaskQueryBench.run(config, results);
        }
        if (config.runs("province")) {
            ProvinceBench.run(config, results);
        }
        if (config.runs("board")) {
            BoardBench.run(config, results);
        }
        if (config.runs("startup") || config.runs("document")) {
            StartupBench.run(config, results);
        }
        results.finish();
        results.write();
        System.out.println(results.table());
    }
}
