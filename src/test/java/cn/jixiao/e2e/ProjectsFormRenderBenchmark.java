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
 * How long the Tasklist takes to open 填写项目支出绩效自评表 with N projects, and to show a typed change. Not a test
 * (surefire's browser execution picks up only *Test): run it with
 *
 * <pre>
 * mvn -o -B test-compile surefire:test@browser-test -Dtest=ProjectsFormRenderBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djx.bench.projectsForm=1,4,8,30
 * </pre>
 *
 * For each N, just before it is opened, a 2030+ report of 衡山县行政审批服务局 is started through
 * {@link ReportService} with N copies of the corrected sample's project (9 indicators each). The clerk then opens its
 * projects task in a freshly loaded Tasklist: the clock (the page's own) runs from the click on the task card until
 * the form is enabled, shows N projects and the last project's last field, and the page has finished its work (the
 * end of its last long task, once none has run for 2 s). Then a keystroke in the last project's 全年执行数 is timed
 * until its live 执行率 shows the change. {@code -Djx.bench.runs=} (default 2) sets
 * the runs per N; besides the wall time, the renderer processes' CPU time during the render is printed (from /proc),
 * which other load on the machine disturbs much less; {@code -Djx.bench.limitSeconds=} (default 600) gives up on a render. Prints one line per run and
 * a summary; nothing is asserted on time. {@code -Djx.bench.profile=true} writes Chromium's CPU profile of each
 * N's first render to {@code <build dir>/form-bench-N.cpuprofile}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
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

  @Test
  void measure() throws IOException {
    E2eBrowser.requireChromium();
    int[] sizes = Arrays.stream(System.getProperty("jx.bench.projectsForm").split(",")).map(String::trim)
        .mapToInt(Integer::parseInt).toArray();
    int runs = Integer.getInteger("jx.bench.runs", 2);
    Duration limit = Duration.ofSeconds(Integer.getInteger("jx.bench.limitSeconds", 600));
    System.out.printf("[form-bench] %s, load average %s%n", System.getProperty("jx.bench.projectsForm"),
        loadAverage());
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
        // Started just before it is opened, so that its tasks are the newest: 本单位待办 shows 15 per page.
        reports.start(report(n, year), users.load("clerk"));
        List<Long> renders = new ArrayList<>();
        List<Long> keystrokes = new ArrayList<>();
        List<Long> cpus = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
          driver.get("about:blank"); // leave the last form's page (it may still be busy) before loading the Tasklist
          driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
          WebElement card = tasklist.waitForTask(SelfEvaluationReportE2eTest.UNIT_TASKS,
              SelfEvaluationReportE2eTest.PROJECTS, year);
          WebElement link = card.findElement(By.cssSelector("h4.task a"));
          boolean profile = Boolean.getBoolean("jx.bench.profile") && run == 1;
          if (profile) {
            browser.driver().executeCdpCommand("Profiler.enable", Map.of());
            browser.driver().executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 1000));
            browser.driver().executeCdpCommand("Profiler.start", Map.of());
          }
          long cpuBefore = rendererCpuMs(browser.driver());
          ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});"
              + "window.__jxClick = performance.now(); arguments[0].click();", link);
          Double shown = awaitRendered(driver, n, limit);
          boolean rendered = shown != null;
          long renderMs = rendered ? Math.round(Math.max(shown, idleSince(driver, limit))
              - ((Number) ((JavascriptExecutor) driver).executeScript("return window.__jxClick;")).doubleValue()) : -1;
          long cpuMs = rendererCpuMs(browser.driver()) - cpuBefore;
          if (profile) {
            Object cpu = browser.driver().executeCdpCommand("Profiler.stop", Map.of()).get("profile");
            Path file = E2eBrowser.buildDirectory().resolve("form-bench-" + n + ".cpuprofile");
            Files.writeString(file, mapper.writeValueAsString(cpu));
            System.out.printf("[form-bench] CPU profile of N=%d: %s%n", n, file);
          }
          if (!rendered) {
            System.out.printf("[form-bench] N=%d run %d: not rendered within %d s%n", n, run, limit.toSeconds());
            renders.add(-1L);
            break;
          }
          renders.add(renderMs);
          cpus.add(cpuMs);
          long keyMs = keystroke(driver, tasklist, n, limit);
          keystrokes.add(keyMs);
          System.out.printf("[form-bench] N=%d run %d: render %d ms (renderer CPU %d ms), keystroke to live figure %d ms,"
              + " load average %s%n", n, run, renderMs, cpuMs, keyMs, loadAverage());
        }
        summary.add(String.format("N=%2d  render %s ms  renderer CPU %s ms  keystroke %s ms", n, renders, cpus,
            keystrokes));
      }
    } finally {
      E2eBrowser.deleteQuietly(downloads);
    }
    System.out.printf("[form-bench] load average at end %s%n", loadAverage());
    summary.forEach(line -> System.out.println("[form-bench] " + line));
  }

  /**
   * Waits until the form is enabled and shows n projects with their last field; returns the page's clock
   * ({@code performance.now()}) at that moment, null when it did not come about within the limit.
   */
  private static Double awaitRendered(WebDriver driver, int n, Duration limit) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Object now = js.executeScript(RENDERED, n);
        if (now instanceof Number number) {
          return number.doubleValue();
        }
        Thread.sleep(50);
      } catch (org.openqa.selenium.WebDriverException e) {
        // chromedriver gives up on a renderer that is busy for 60 s ("Timed out receiving message from renderer"),
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
        return ((Number) ((JavascriptExecutor) driver).executeAsyncScript(
            "var done = arguments[arguments.length - 1]; var last = 0;"
                + "var observer = new PerformanceObserver(function (list) {"
                + "  list.getEntries().forEach(function (e) { last = Math.max(last, e.startTime + e.duration); }); });"
                + "observer.observe({type: 'longtask', buffered: true});"
                + "(function check() {"
                + "  if (performance.now() - Math.max(last, window.__jxClick) > 2000) { observer.disconnect(); done(last); }"
                + "  else { setTimeout(check, 200); } })();")).doubleValue();
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
          + "if (rows.length !== arguments[0]) return false;"
          + "var numbers = rows[rows.length - 1].querySelectorAll('.fjs-form-field-number');"
          + "var label = numbers.length ? numbers[numbers.length - 1].querySelector('label') : null;"
          + "return label !== null && label.textContent.indexOf('总分（单位填写）') >= 0 ? performance.now() : false;";

  /** Types a new 全年执行数 into the last project and waits until its live 执行率 shows it. */
  private static long keystroke(WebDriver driver, TasklistPage tasklist, int n, Duration limit) {
    FormFiller project = tasklist.currentForm().item("附件：项目支出绩效自评表", n - 1);
    WebElement input = project.group("年度资金总额").element()
        .findElements(By.cssSelector("input.fjs-input")).get(2);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
    input.click();
    input.sendKeys(Keys.END);
    long start = System.nanoTime();
    input.sendKeys(Keys.BACK_SPACE); // 390 → 39: 执行率 9.75 %
    new WebDriverWait(driver, limit, Duration.ofMillis(20)).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(d -> project.text().contains("9.75%"));
    long ms = (System.nanoTime() - start) / 1_000_000;
    settle((JavascriptExecutor) driver);
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
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
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
    js.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(done, 0); }); });");
  }

  private ObjectNode report(int projects, int year) throws IOException {
    try (InputStream in = ProjectsFormRenderBenchmark.class.getResourceAsStream(SAMPLE)) {
      ObjectNode report = (ObjectNode) mapper.readTree(in);
      report.put("fiscalYear", year);
      JsonNode sample = report.get("projects").get(0);
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
