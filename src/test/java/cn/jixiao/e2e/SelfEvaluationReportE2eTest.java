package cn.jixiao.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * End to end, in headless Chromium with a Chinese browser, against the demo app on a random port: a 2023 report of
 * 衡山县行政审批服务局 goes from drafting in the Tasklist through the system's check, the unit leader's and the
 * finance bureau's reviews (each returning it once) to publication, and another unit's clerk sees none of it.
 * Screenshots of every step go to {@code <build dir>/e2e-screenshots/NN-name.png}.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (see {@link E2eBrowser}); without them the
 * test is skipped with a message ({@link RequiresChromium}), or fails when the environment variable {@code CI} is set.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:e2e-${random.uuid};DB_CLOSE_DELAY=-1;MODE=LEGACY")
@ActiveProfiles("demo")
@DirtiesContext
@ExtendWith(RequiresChromium.class)
class SelfEvaluationReportE2eTest {

  static final String PASSWORD = "demo";
  static final String PROCESS = "部门整体支出绩效自评报告";
  static final String UNIT = "衡山县行政审批服务局";
  static final int YEAR = 2023;

  static final String UNIT_TASKS = "本单位待办";
  static final String FINANCE_TASKS = "待财政审核";
  static final String MY_TASKS = "我的待办";

  static final String BASIC_INFO = "填写单位基本情况";
  static final String BUDGET = "填写部门预决算情况";
  static final String PERFORMANCE = "填写资金使用及绩效情况";
  static final String PROJECTS = "填写项目支出绩效自评表";
  static final String PROBLEMS = "填写存在的问题及改进措施";
  static final String OTHER_NOTES = "填写其他需要说明的情况";
  static final String SUBMIT = "提交审核";
  static final String LEADER_REVIEW = "单位负责人审核";
  static final String FINANCE_REVIEW = "财政局审核";

  @LocalServerPort
  int port;

  private E2eBrowser.Session browser;
  private Path downloads;
  private WebDriver driver;
  private Screenshots screenshots;
  private TasklistPage tasklist;
  private String reportId;

  @BeforeAll
  static void chromium() {
    E2eBrowser.requireChromium();
  }

  @BeforeEach
  void openBrowser() throws IOException {
    downloads = Files.createTempDirectory("jx-e2e-downloads-");
    browser = E2eBrowser.start(downloads);
    driver = browser.driver();
    screenshots = new Screenshots(E2eBrowser.buildDirectory().resolve("e2e-screenshots"));
    tasklist = new TasklistPage(driver, baseUrl());
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    E2eBrowser.deleteQuietly(downloads);
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void reportGoesFromDraftingThroughTwoReturnsToPublication() {
    // 1. The clerk signs in (Chinese UI) and starts the 2023 report; 单位编码 left empty means the own unit.
    step("clerk-login", () -> {
      tasklist.login("clerk", PASSWORD);
      assertThat(tasklist.userShown()).isEqualTo("小明 王");
      assertThat(tasklist.filterNames()).anySatisfy(f -> assertThat(f).startsWith(UNIT_TASKS));
      // A clerk lands on the unit's work and sees no filter of the finance bureau.
      assertThat(tasklist.activeFilter()).isEqualTo(UNIT_TASKS);
      assertThat(tasklist.filterNames()).noneMatch(f -> f.startsWith(FINANCE_TASKS));
      assertThat(tasklist.pageText()).contains("发起流程");
    });
    step("start-form", () -> tasklist.startProcess(PROCESS, form -> {
      // form-js's own validation hints are Chinese too (scripts/form-texts-zh.js).
      form.type("年度", 1999);
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !form.validationErrors().isEmpty());
      assertThat(form.validationErrors()).singleElement().asString().startsWith("年度").endsWith(": 不能小于 2000。");
      form.type("年度", YEAR);
      assertThat(form.validationErrors()).isEmpty();
    }));
    tasklist.confirmStart();

    // 2. Six sections, typed in one by one.
    step("basic-info", () -> {
      FormFiller form = tasklist.openTask(UNIT_TASKS, BASIC_INFO, YEAR);
      reportId = tasklist.openTaskProcessInstanceId();
      assertThat(form.text()).contains(UNIT).contains(YEAR + " 年度").contains("新增一项").doesNotContain("Add new");
      // The task header shows its groups and holder but offers no editing of them, and no product banner shows.
      assertThat(tasklist.taskHeaderEditors()).as("header editors a clerk could re-route the task with").isEmpty();
      assertThat(tasklist.productBannerShown()).as("Camunda's end-of-life banner").isFalse();
      assertThat(tasklist.brand()).as("the header's product name").contains("绩效自评").doesNotContain("Camunda");
      assertThat(tasklist.cockpitLinkShown()).as("a link into Cockpit for a clerk").isFalse();
      assertThat(tasklist.cardPriorityShown()).as("the priority number on the cards").isFalse();
      ClerkEntries.basicInfo(form);
    });
    complete("basic-info");
    fillSection("budget", BUDGET, ClerkEntries::budget);
    fillSection("performance", PERFORMANCE, ClerkEntries::performance);
    step("projects", () -> {
      FormFiller form = tasklist.openTask(UNIT_TASKS, PROJECTS, YEAR);
      ClerkEntries.projects(form);
      form.item("附件：项目支出绩效自评表", 1).scrollToTop();
      screenshots.take(driver, "projects-second-table");
      assertThat(form.itemCount("附件：项目支出绩效自评表")).isEqualTo(2);
      assertThat(form.item("附件：项目支出绩效自评表", 0).itemCount("绩效指标")).isEqualTo(4);
      assertThat(form.item("附件：项目支出绩效自评表", 1).itemCount("绩效指标")).isEqualTo(3);
    });
    // The live figures (自动计算, FEEL in the browser) are the system's to the cent, a half-way case included.
    step("projects-live-figures", () -> {
      FormFiller form = tasklist.currentForm();
      FormFiller first = form.item("附件：项目支出绩效自评表", 0);
      awaitText(first, ClerkEntries.LIVE_1);
      awaitText(form.item("附件：项目支出绩效自评表", 1), ClerkEntries.LIVE_2);
      first.group("项目资金（万元）").group("年度资金总额").type("全年执行数", ClerkEntries.EXECUTED_1_HALF_WAY);
      awaitText(first, ClerkEntries.LIVE_1_HALF_WAY);
      first.group("项目资金（万元）").group("年度资金总额").type("全年执行数", ClerkEntries.EXECUTED_1);
      awaitText(first, ClerkEntries.LIVE_1);
    });

    // 3. The weights of the second table add up to 105: completing the section is refused at once, in Chinese, and
    //    the task stays open with everything typed.
    step("findings", () -> {
      String refusal = tasklist.completeRefused();
      assertThat(refusal).contains("有以下错误需要修改").contains("【错误】").contains("实为105");
      assertThat(tasklist.currentForm().item("附件：项目支出绩效自评表", 1).itemCount("绩效指标")).isEqualTo(3);
    });
    step("findings-fixed", () -> {
      FormFiller form = tasklist.currentForm();
      ClerkEntries.fixWeight(form);
      assertThat(form.item("附件：项目支出绩效自评表", 1).item("绩效指标", 0).value("分值")).isEqualTo("50");
    });
    complete("findings-fixed");
    fillSection("problems", PROBLEMS, ClerkEntries::problems);
    fillSection("other-notes", OTHER_NOTES, ClerkEntries::otherNotes);
    // 提交审核 shows a fresh evaluation of the report as it stands: scores, no error.
    step("submit-fixed", () -> {
      FormFiller form = tasklist.openTask(UNIT_TASKS, SUBMIT, YEAR);
      assertThat(form.text()).contains(ClerkEntries.PROJECT_1).contains(ClerkEntries.PROJECT_2)
          .contains("【得分】").doesNotContain("【错误】");
    });
    complete("submit-fixed");

    // 4. The leader returns it, naming one section, with a comment.
    switchUser("leader");
    step("leader-return", () -> {
      FormFiller form = tasklist.openTask(UNIT_TASKS, LEADER_REVIEW, YEAR);
      assertThat(form.text()).contains("系统评分与检查结果").contains(ClerkEntries.PROJECT_2);
      form.choose("审核意见", "退回修改")
          .type("审核意见说明", ClerkEntries.LEADER_COMMENT)
          .choose("需修改的章节", "存在的问题及改进措施");
    });
    complete("leader-return");

    // 5. The clerk sees the comment on that section (and only that section is open), fixes it, resubmits.
    switchUser("clerk");
    step("clerk-sees-leader-comment", () -> {
      assertThat(openTasksOfReport()).containsExactly(PROBLEMS);
      // The card says it is a return and how far this round's drafting is.
      assertThat(cardsOfReport()).singleElement().asString().contains("退回修改").contains("0/1 已完成");
      FormFiller form = tasklist.openTask(UNIT_TASKS, PROBLEMS, YEAR);
      assertThat(form.text()).contains("审核退回意见").contains(ClerkEntries.LEADER_COMMENT);
      form.scrollToTop();
    });
    step("problems-revised", () -> ClerkEntries.problemsRevised(tasklist.currentForm()));
    complete("problems-revised");
    submit("submit-after-leader");

    // 6. The leader approves.
    switchUser("leader");
    approveAsLeader("leader-approve");

    // 7. The finance bureau returns it; the round repeats.
    switchUser("finance");
    step("finance-return", () -> {
      // The finance bureau lands on its own work and sees no unit's filter.
      assertThat(tasklist.activeFilter()).isEqualTo(FINANCE_TASKS);
      assertThat(tasklist.filterNames()).noneMatch(f -> f.startsWith(UNIT_TASKS));
      FormFiller form = tasklist.openTask(FINANCE_TASKS, FINANCE_REVIEW, YEAR);
      assertThat(form.text()).contains("审核记录").contains(ClerkEntries.LEADER_COMMENT);
      form.choose("审核意见", "退回修改")
          .type("审核意见说明", ClerkEntries.FINANCE_COMMENT)
          .choose("需修改的章节", "资金使用及绩效情况");
    });
    complete("finance-return");
    switchUser("clerk");
    step("clerk-sees-finance-comment", () -> {
      assertThat(openTasksOfReport()).containsExactly(PERFORMANCE);
      FormFiller form = tasklist.openTask(UNIT_TASKS, PERFORMANCE, YEAR);
      assertThat(form.text()).contains("审核退回意见").contains(ClerkEntries.FINANCE_COMMENT);
      form.scrollToTop();
    });
    step("performance-revised", () -> ClerkEntries.performanceRevised(tasklist.currentForm()));
    complete("performance-revised");
    submit("submit-after-finance");
    switchUser("leader");
    approveAsLeader("leader-approve-again");

    // 8. The finance bureau accepts.
    switchUser("finance");
    step("finance-accept", () -> {
      FormFiller form = tasklist.openTask(FINANCE_TASKS, FINANCE_REVIEW, YEAR);
      assertThat(form.text()).contains(ClerkEntries.FINANCE_COMMENT);
      form.choose("审核意见", "审核通过").type("审核意见说明", "审核通过，予以公开。");
    });
    complete("finance-accept");
    tasklist.logout();

    // 9. Anyone, without signing in: the report is on /public/reports, and its .docx downloads and opens.
    PublicReportsPage publicReports = new PublicReportsPage(driver, baseUrl());
    step("public-reports", () -> {
      WebElement row = publicReports.waitForRow(YEAR, UNIT, Duration.ofSeconds(60));
      List<String> cells = PublicReportsPage.cells(row);
      assertThat(cells.get(2)).as("总分").contains("96.8").contains("97.5");
      assertThat(cells.get(3)).as("等级").contains("优");
      assertThat(cells.get(4)).as("公开日期").isNotBlank();
      assertThat(row.findElement(By.linkText("下载")).getAttribute("href"))
          .endsWith("/public/reports/" + reportId + "/document");
      Path docx = publicReports.download(row, downloads, Duration.ofSeconds(30));
      assertThat(PublicReportsPage.openDocx(docx))
          .contains(UNIT)
          .contains(ClerkEntries.PROJECT_1)
          .contains(ClerkEntries.PROJECT_2)
          .contains("建立月报制度")
          .contains("全年网上办件8.3万件");
    });

    // 9b. On a phone (390 px wide) the public list is readable: every field of the report shows, nothing overflows.
    step("public-reports-phone", () -> {
      org.openqa.selenium.Dimension before = driver.manage().window().getSize();
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      try {
        WebElement row = publicReports.waitForRow(YEAR, UNIT, Duration.ofSeconds(30));
        for (WebElement cell : row.findElements(By.tagName("td"))) {
          assertThat(cell.isDisplayed()).as("cell %s on a phone", cell.getAttribute("data-label")).isTrue();
        }
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(1);
        screenshots.take(driver, "public-reports-phone-view");
      } finally {
        driver.manage().window().setSize(before);
      }
    });

    // 10. The clerk of 衡山县教育局 sees none of it.
    step("clerk2-sees-nothing", () -> {
      tasklist.login("clerk2", PASSWORD);
      assertThat(tasklist.filterNames()).noneMatch(f -> f.startsWith(FINANCE_TASKS));
      for (String filter : List.of(MY_TASKS, UNIT_TASKS)) {
        tasklist.openFilter(filter);
        assertThat(tasklist.taskCards()).as("「%s」 of clerk2", filter).noneMatch(card -> card.contains(UNIT));
      }
      // Following the report's address with the Tasklist session (GET /api accepts it): not there for clerk2.
      driver.get(baseUrl() + "/api/reports?fiscalYear=" + YEAR);
      assertThat(driver.findElement(By.tagName("body")).getText().trim()).isEqualTo("[]");
      driver.get(baseUrl() + "/api/reports/" + reportId);
      assertThat(driver.findElement(By.tagName("body")).getText())
          .contains("报告不存在或您无权查看").doesNotContain(UNIT);
      driver.get(baseUrl() + "/camunda/app/tasklist/default/");
      tasklist.openFilter(UNIT_TASKS);
    });
  }

  // ------------------------------------------------------------------ story helpers

  /** Opens a drafting section, lets the clerk type it in, screenshots it, completes it. */
  private void fillSection(String name, String task, java.util.function.Consumer<FormFiller> typing) {
    step(name, () -> typing.accept(tasklist.openTask(UNIT_TASKS, task, YEAR)));
    complete(name);
  }

  /** 提交审核: the whole report read-only for a last look, then 完成 (the system check runs at once). */
  private void submit(String name) {
    step(name, () -> {
      FormFiller form = tasklist.openTask(UNIT_TASKS, SUBMIT, YEAR);
      assertThat(form.text()).contains(ClerkEntries.PROJECT_1).contains(ClerkEntries.PROJECT_2);
    });
    complete(name);
  }

  private void approveAsLeader(String name) {
    step(name, () -> {
      FormFiller form = tasklist.openTask(UNIT_TASKS, LEADER_REVIEW, YEAR);
      assertThat(form.text()).contains("系统评分与检查结果");
      form.choose("审核意见", "同意").type("审核意见说明", "同意报送财政局。");
    });
    complete(name);
  }

  /** 完成 of the task opened in step {@code name}; a refusal is screenshotted as {@code NN-name-complete-FAILED}. */
  private void complete(String name) {
    try {
      tasklist.complete();
    } catch (RuntimeException | AssertionError e) {
      Path shot = screenshotQuietly(name + "-complete-FAILED");
      throw new AssertionError("完成 after step 「" + name + "」 failed (screenshot " + shot + "): " + e.getMessage(), e);
    }
  }

  private void switchUser(String user) {
    tasklist.logout();
    tasklist.login(user, PASSWORD);
  }

  /** Waits until the scope shows every one of the texts (form-js re-renders after typing); fails with what it shows. */
  private void awaitText(FormFiller scope, String... texts) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
        String shown = scope.text();
        return java.util.Arrays.stream(texts).allMatch(shown::contains);
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      assertThat(scope.text()).contains(texts);
    }
  }

  /** The names of the open tasks of this report in 本单位待办 (the filter shows the 年度 on each card). */
  private List<String> openTasksOfReport() {
    return cardsOfReport().stream().map(card -> card.substring(0, card.indexOf(' '))).toList();
  }

  /** The cards of this report's open tasks in 本单位待办: name, 单位, 年度, 状态, 进度. */
  private List<String> cardsOfReport() {
    tasklist.openFilter(UNIT_TASKS);
    return tasklist.taskCards().stream().filter(card -> card.contains(UNIT + " " + YEAR)).toList();
  }

  /**
   * One step of the story: runs it and screenshots the result as {@code NN-name.png}; a failing step is
   * screenshotted as {@code NN-name-FAILED.png} and fails the test with the step's name.
   */
  private void step(String name, Runnable action) {
    long start = System.nanoTime();
    try {
      action.run();
    } catch (RuntimeException | AssertionError e) {
      Path shot = screenshotQuietly(name + "-FAILED");
      throw new AssertionError("step 「" + name + "」 failed (screenshot " + shot + "): " + e.getMessage(), e);
    }
    Path shot = screenshots.take(driver, name);
    System.out.printf("[e2e] %-28s %5.1f s  %s%n", name, (System.nanoTime() - start) / 1e9, shot.getFileName());
  }

  private Path screenshotQuietly(String name) {
    try {
      return screenshots.take(driver, name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }
}
