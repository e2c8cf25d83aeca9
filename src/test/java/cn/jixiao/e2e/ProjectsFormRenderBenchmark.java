package cn.jixiao.e2e;

import cn.jixiao.security.UserDirectory;
import cn.jixiao.workflow.ReportService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * How long the Tasklist takes to open the forms of 项目支出绩效自评表 for a unit with N projects of 8 indicators each,
 * and to show a typed change. Not a test (surefire's browser execution picks up only *Test): run it with
 *
 * <pre>
 * mvn -o -B test-compile surefire:test@browser-test -Dtest=ProjectsFormRenderBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djx.bench.projectsForm=30
 * </pre>
 *
 * For each N, a 2030+ report of 衡山县行政审批服务局 is started through {@link ReportService} with N copies of the
 * corrected sample's project, each cut to 8 indicators (weights still 100). The clerk opens, in a freshly loaded
 * Tasklist, first 填写项目清单 (the list of N projects), completes it in the browser, and then the 填写项目自评表 of the
 * last project (one project: 12 fund amounts, 8 indicators). The clock (the page's own) runs from the click on the
 * task card until the form is enabled, shows its rows and their last field, and the page has finished its work (the
 * end of its last long task, once none has run for 2 s). In the project's form a keystroke in 全年执行数 is then timed
 * until its live 执行率 shows the change. {@code -Djx.bench.runs=} (default 2) sets the runs per form; besides the wall
 * time, the renderer processes' CPU time during the render is printed (from /proc), which other load on the machine
 * disturbs much less; {@code -Djx.bench.limitSeconds=} (default 600) gives up on a render. Prints one line per run
 * and a summary; nothing is asserted on time. {@code -Djx.bench.profile=true} writes Chromium's CPU profile of each
 * form's first render to {@code <build dir>/form-bench-<form>-N.cpuprofile}.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:e2e-bench-${random.uuid};DB_CLOSE_DELAY=-1;MODE=LEGACY")
@ActiveProfiles("demo")
@DirtiesContext
@EnabledIfSystemProperty(named = "jx.bench.projectsForm", matches = ".+")
class ProjectsFormRenderBenchmark {

    private static final String SAMPLE = "/examples/hengshan-approval-bureau-2022.corrected.json";

    @LocalServerPort
    int port;

    @Autowired
    ReportService reports;

    @Autowired
    UserDirectory users;

    @Autowired
    ObjectMapper mapper;

    /** Indicators per project, as in the issue: a unit with 30 projects of 8 indicators each. */
    static final int INDICATORS = 8;

    @Test
    void measure() throws IOException {
        E2eBrowser.requireChromium();
        int[] sizes = Arrays.stream(System.getProperty("jx.bench.projectsForm").split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray();
        int runs = Integer.getInteger("jx.bench.runs", 2);
        Duration limit = Duration.ofSeconds(Integer.getInteger("jx.bench.limitSeconds", 600));
        System.out.printf(
                "[form-bench] %s, load average %s%n", System.getProperty("jx.bench.projectsForm"), loadAverage());
        List<String> summary = new ArrayList<>();
        Path downloads = Files.createTempDirectory("jx-bench-downloads-");
        try (E2eBrowser.Session browser = E2eBrowser.start(downloads)) {
            WebDriver driver = browser.driver();
            // A render may hold the page's main thread for minutes: a poll then waits for it instead of failing.
            driver.manage().timeouts().scriptTimeout(limit);
            TasklistPage tasklist = new TasklistPage(driver, "http://localhost:" + port);
            tasklist.login("clerk", SelfEvaluationReportE2eTest.PASSWORD);
            for (int i = 0; i < sizes.length; i++) {
                int n = sizes[i];
                int year = 2030 + i;
                ObjectNode report = report(n, year);
                reports.start(report, users.load("clerk"));
                String lastProject =
                        report.get("projects").get(n - 1).get("name").asText();

                Timings list = new Timings();
                for (int run = 1; run <= runs; run++) {
                    list.add(open(
                            browser,
                            tasklist,
                            SelfEvaluationReportE2eTest.PROJECT_LIST,
                            year,
                            n,
                            "实施单位",
                            "list",
                            n,
                            run,
                            limit));
                }
                System.out.printf("[form-bench] list N=%d: %s, load average %s%n", n, list, loadAverage());
                long completeStart = System.nanoTime();
                tasklist.complete();
                System.out.printf(
                        "[form-bench] list N=%d completed in %d ms: %d project tasks open%n",
                        n, (System.nanoTime() - completeStart) / 1_000_000, n);

                Timings project = new Timings();
                for (int run = 1; run <= runs && !project.failed; run++) {
                    project.add(open(
                            browser,
                            tasklist,
                            SelfEvaluationReportE2eTest.PROJECT_TASK + "：" + lastProject,
                            year,
                            1,
                            "改进措施", // the last field of the project (its 补充信息 group)
                            "project",
                            n,
                            run,
                            limit));
                    if (!project.failed) {
                        project.keystrokes.add(keystroke(browser, tasklist, n, run, limit));
                    }
                }
                System.out.printf(
                        "[form-bench] project of N=%d (%d indicators): %s, load average %s%n",
                        n, INDICATORS, project, loadAverage());
                summary.add(String.format("N=%2d  填写项目清单 (%d projects): %s", n, n, list));
                summary.add(String.format("N=%2d  填写项目自评表 (1 project, %d indicators): %s", n, INDICATORS, project));
            }
        } finally {
            E2eBrowser.deleteQuietly(downloads);
        }
        System.out.printf("[form-bench] load average at end %s%n", loadAverage());
        summary.forEach(line -> System.out.println("[form-bench] " + line));
    }

    /** The runs of one form: render and renderer CPU per run, keystrokes where timed. */
    private static final class Timings {
        final List<Long> renders = new ArrayList<>();
        final List<Long> cpus = new ArrayList<>();
        final List<Long> keystrokes = new ArrayList<>();
        boolean failed;

        void add(long[] renderAndCpu) {
            if (renderAndCpu == null) {
                failed = true;
                renders.add(-1L);
                return;
            }
            renders.add(renderAndCpu[0]);
            cpus.add(renderAndCpu[1]);
        }

        @Override
        public String toString() {
            return "render " + renders + " ms, renderer CPU " + cpus + " ms"
                    + (keystrokes.isEmpty() ? "" : ", keystroke to live figure " + keystrokes + " ms");
        }
    }

    /**
     * Opens the task {@code name} of {@code year} from a freshly loaded Tasklist and times its render; returns
     * {render ms, renderer CPU ms}, or null when it did not render within the limit.
     */
    private long[] open(
            E2eBrowser.Session browser,
            TasklistPage tasklist,
            String name,
            int year,
            int rows,
            String lastLabel,
            String form,
            int n,
            int run,
            Duration limit)
            throws IOException {
        WebDriver driver = browser.driver();
        driver.get("about:blank"); // leave the last form's page (it may still be busy) before loading the Tasklist
        driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        WebElement card = tasklist.waitForTask(SelfEvaluationReportE2eTest.UNIT_TASKS, name, year);
        WebElement link = card.findElement(By.cssSelector("h4.task a"));
        boolean profile = Boolean.getBoolean("jx.bench.profile") && run == 1;
        if (profile) {
            browser.driver().executeCdpCommand("Profiler.enable", Map.of());
            browser.driver().executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 1000));
            browser.driver().executeCdpCommand("Profiler.start", Map.of());
        }
        long cpuBefore = rendererCpuMs(browser.driver());
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center'});"
                                + "window.__jxClick = performance.now(); arguments[0].click();",
                        link);
        Double shown = awaitRendered(driver, rows, lastLabel, limit);
        long renderMs = shown != null
                ? Math.round(Math.max(shown, idleSince(driver, limit))
                        - ((Number) ((JavascriptExecutor) driver).executeScript("return window.__jxClick;"))
                                .doubleValue())
                : -1;
        long cpuMs = rendererCpuMs(browser.driver()) - cpuBefore;
        if (profile) {
            Object cpu = browser.driver()
                    .executeCdpCommand("Profiler.stop", Map.of())
                    .get("profile");
            Path file = E2eBrowser.buildDirectory().resolve("form-bench-" + form + "-" + n + ".cpuprofile");
            Files.writeString(file, mapper.writeValueAsString(cpu));
            System.out.printf("[form-bench] CPU profile of %s N=%d: %s%n", form, n, file);
        }
        if (shown == null) {
            System.out.printf(
                    "[form-bench] %s N=%d run %d: not rendered within %d s%n", form, n, run, limit.toSeconds());
            return null;
        }
        Object imports = ((JavascriptExecutor) driver)
                .executeScript("return window.jixiaoFormSpeed ? window.jixiaoFormSpeed.imports : null;");
        System.out.printf(
                "[form-bench] %s N=%d run %d: render %d ms (renderer CPU %d ms), form imported %s times, load average %s%n",
                form, n, run, renderMs, cpuMs, imports, loadAverage());
        // Claimed on opening (scripts/auto-claim.js); wait for it, so that 完成 and typing work.
        tasklist.currentForm();
        return new long[] {renderMs, cpuMs};
    }

    /**
     * Waits until the form is enabled and shows n rows (projects) with their last field; returns the page's clock
     * ({@code performance.now()}) at that moment, null when it did not come about within the limit.
     */
    private static Double awaitRendered(WebDriver driver, int n, String lastLabel, Duration limit) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Object now = js.executeScript(RENDERED, n, lastLabel);
                if (now instanceof Number number) {
                    return number.doubleValue();
                }
                Thread.sleep(50);
            } catch (org.openqa.selenium.WebDriverException e) {
                // chromedriver gives up on a renderer that is busy for 60 s ("Timed out receiving message from
                // renderer"),
                // and a script timeout may strike likewise: the page is still rendering, so ask again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /**
     * The page's clock when its last long task (≥ 50 ms) ended, once no long task has run for 2 s: form-js re-renders
     * the whole form once per filled number field, 300 ms after the first render, so the form is usable only then.
     */
    private static double idleSince(WebDriver driver, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return ((Number) ((JavascriptExecutor) driver)
                                .executeAsyncScript("var done = arguments[arguments.length - 1]; var last = 0;"
                                        + "var observer = new PerformanceObserver(function (list) {"
                                        + "  list.getEntries().forEach(function (e) { last = Math.max(last, e.startTime + e.duration); }); });"
                                        + "observer.observe({type: 'longtask', buffered: true});"
                                        + "(function check() {"
                                        + "  if (performance.now() - Math.max(last, window.__jxClick) > 2000) { observer.disconnect(); done(last); }"
                                        + "  else { setTimeout(check, 200); } })();"))
                        .doubleValue();
            } catch (org.openqa.selenium.WebDriverException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    private static final String RENDERED =
            "var form = document.querySelector('section.task-card [cam-tasklist-form] .fjs-form');"
                    + "if (!form || document.querySelector('section.task-card [cam-tasklist-form] .disabled-form')) return false;"
                    + "var list = form.querySelector('.fjs-form-field-dynamiclist');"
                    + "if (!list) return false;"
                    + "var rows = Array.from(list.querySelectorAll('.fjs-repeat-row-container'))"
                    + "  .filter(function (r) { return r.parentElement.closest('.fjs-form-field-dynamiclist') === list; });"
                    + "if (rows.length === 0 && !Array.from(list.querySelectorAll('button.fjs-repeat-render-add'))"
                    + "  .some(function (b) { return b.closest('.fjs-form-field-dynamiclist') === list; })) rows = [list];"
                    + "if (rows.length !== arguments[0]) return false;"
                    + "var labels = rows[rows.length - 1].querySelectorAll('.fjs-form-field label');"
                    + "var label = labels.length ? labels[labels.length - 1] : null;"
                    + "return label !== null && label.textContent.indexOf(arguments[1]) >= 0 ? performance.now() : false;";

    /** Types a new 全年执行数 into the project and waits until its live 执行率 shows it. */
    private long keystroke(E2eBrowser.Session browser, TasklistPage tasklist, int n, int run, Duration limit)
            throws IOException {
        WebDriver driver = browser.driver();
        FormFiller project = tasklist.currentForm().item(ClerkEntries.PROJECT_TABLE, 0);
        WebElement input = project.group("年度资金总额")
                .element()
                .findElements(By.cssSelector("input.fjs-input"))
                .get(2);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        input.sendKeys(Keys.END);
        boolean profile = Boolean.getBoolean("jx.bench.profile") && run == 1;
        if (profile) {
            browser.driver().executeCdpCommand("Profiler.enable", Map.of());
            browser.driver().executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 1000));
            browser.driver().executeCdpCommand("Profiler.start", Map.of());
        }
        // Timed in the page (keydown to the text's change), not by asking WebDriver for the text: its visible-text
        // atom costs seconds of the page's CPU on a form this size and would be measured itself.
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(
                "var input = arguments[0], root = arguments[1]; window.__jxKey = null; window.__jxFigure = null;"
                        + "input.addEventListener('keydown', function () { window.__jxKey = performance.now(); },"
                        + "  {once: true, capture: true});"
                        + "var observer = new MutationObserver(function () {"
                        + "  if (window.__jxKey !== null && root.textContent.indexOf('9.75%') >= 0) {"
                        + "    window.__jxFigure = performance.now(); observer.disconnect(); } });"
                        + "observer.observe(root, {childList: true, subtree: true, characterData: true});",
                input, project.element());
        input.sendKeys(Keys.BACK_SPACE); // 390 → 39: 执行率 9.75 %
        Number figure = new WebDriverWait(driver, limit, Duration.ofMillis(20))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> (Number) js.executeScript("return window.__jxFigure;"));
        long ms =
                Math.round(figure.doubleValue() - ((Number) js.executeScript("return window.__jxKey;")).doubleValue());
        settle(js);
        if (profile) {
            Object cpu = browser.driver()
                    .executeCdpCommand("Profiler.stop", Map.of())
                    .get("profile");
            Path file = E2eBrowser.buildDirectory().resolve("form-bench-keystroke-" + n + ".cpuprofile");
            Files.writeString(file, mapper.writeValueAsString(cpu));
            System.out.printf("[form-bench] CPU profile of a keystroke N=%d: %s%n", n, file);
        }
        return ms;
    }

    /**
     * CPU time (user + system) of the browser's renderer processes so far, from /proc: the work of a render, much less
     * disturbed than wall time when other builds share the two cores. 0 where /proc is not readable.
     */
    private static long rendererCpuMs(org.openqa.selenium.chrome.ChromeDriver driver) {
        Object browserPid = driver.getCapabilities().getCapability("goog:processID");
        if (browserPid == null) {
            return 0;
        }
        long ticks = 0;
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline"));
                    if (!cmdline.contains("--type=renderer") || !descendsFrom(proc, String.valueOf(browserPid))) {
                        continue;
                    }
                    String[] stat = statFields(proc);
                    ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10; // USER_HZ = 100 on Linux
    }

    private static boolean descendsFrom(Path proc, String ancestor) throws IOException {
        Path current = proc;
        for (int depth = 0; depth < 5; depth++) {
            String parent = statFields(current)[3];
            if (parent.equals(ancestor)) {
                return true;
            }
            if (parent.equals("0") || parent.equals("1")) {
                return false;
            }
            current = Path.of("/proc", parent);
        }
        return false;
    }

    /** The fields of /proc/PID/stat from the state on (index 2), the command name with its spaces skipped. */
    private static String[] statFields(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        String[] fields = new String[rest.length + 2];
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }

    private static void settle(JavascriptExecutor js) {
        js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(done, 0); }); });");
    }

    private ObjectNode report(int projects, int year) throws IOException {
        try (InputStream in = ProjectsFormRenderBenchmark.class.getResourceAsStream(SAMPLE)) {
            ObjectNode report = (ObjectNode) mapper.readTree(in);
            report.put("fiscalYear", year);
            ObjectNode sample = (ObjectNode) report.get("projects").get(0).deepCopy();
            // 8 indicators, weights still 100: 可持续性 (7) goes, 环境效益 takes its weight and score.
            ArrayNode indicators = (ArrayNode) sample.get("indicators");
            JsonNode dropped = indicators.remove(7);
            ObjectNode merged = (ObjectNode) indicators.get(6);
            merged.put(
                    "weight",
                    merged.get("weight")
                            .decimalValue()
                            .add(dropped.get("weight").decimalValue()));
            merged.put(
                    "score",
                    merged.get("score").decimalValue().add(dropped.get("score").decimalValue()));
            if (indicators.size() != INDICATORS) {
                throw new IllegalStateException("the sample's project no longer has 9 indicators");
            }
            ArrayNode copies = report.putArray("projects");
            for (int i = 0; i < projects; i++) {
                ObjectNode copy = sample.deepCopy();
                copy.put("name", sample.get("name").asText() + "（" + (i + 1) + "）");
                copies.add(copy);
            }
            // The narratives name projects; keep only those that exist.
            ((ObjectNode) report.get("performance")).remove("projectNarratives");
            return report;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
