package cn.jixiao.e2e;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Camunda Tasklist in Chinese, as its users see it: sign in and out, the filters on the left, the task list, the
 * task with its form, 认领, 完成, and the start dialog 发起流程. Every step waits for what the page shows; a step that
 * does not come about fails with what the page said.
 */
final class TasklistPage {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int LOGIN_ATTEMPTS = 3;
    private static final Pattern TASK_ID = Pattern.compile("task=([0-9a-f-]{36})");
    private static final Pattern INSTANCE_ID = Pattern.compile("process-instance/([0-9a-f-]{36})");

    private final WebDriver driver;
    private final String baseUrl;

    TasklistPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    // ------------------------------------------------------------------ sign in / out

    void login(String user, String password) {
        // The login page is an Angular view that may still be re-rendering when the fields first appear (a value typed
        // then is lost and the button does nothing); so the attempt is repeated on a freshly loaded page, and only the
        // last attempt's failure fails the step, with what the page said.
        for (int attempt = 1; ; attempt++) {
            driver.get(baseUrl + "/camunda/app/tasklist/default/#/login");
            WebElement name = waitFor(By.cssSelector("input[ng-model='username']"));
            name.sendKeys(user);
            WebElement secret = driver.findElement(By.cssSelector("input[ng-model='password']"));
            secret.sendKeys(password);
            driver.findElement(By.cssSelector("form button[type='submit']")).click();
            try {
                wait(attempt < LOGIN_ATTEMPTS ? Duration.ofSeconds(15) : STEP)
                        .withMessage(() -> user + " could not sign in: " + pageText())
                        .ignoring(StaleElementReferenceException.class)
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account")));
                break;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt >= LOGIN_ATTEMPTS) {
                    throw e;
                }
                System.out.printf(
                        "[e2e] sign-in of %s did not come about (attempt %d), the page said: %s%n",
                        user, attempt, pageText().replaceAll("\\s+", " "));
            }
        }
        waitFor(By.cssSelector("[cam-tasklist-filters] .task-filter"));
    }

    void logout() {
        click(waitFor(By.cssSelector("li.account a.dropdown-toggle")));
        click(waitFor(By.cssSelector("li.logout a")));
        waitFor(By.cssSelector("input[ng-model='username']"));
    }

    /** The signed-in user's name as the header shows it. */
    String userShown() {
        return waitFor(By.cssSelector("li.account a.dropdown-toggle")).getText().trim();
    }

    // ------------------------------------------------------------------ filters and the task list

    void openFilter(String name) {
        By link = By.xpath(
                "//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text()[1])="
                        + FormFiller.literal(name) + "]");
        By active = By.xpath(
                "//div[contains(@class,'task-filter')][contains(concat(' ', normalize-space(@class), ' '), ' active ')]"
                        + "//h4[contains(@class,'name')]/a[normalize-space(text()[1])=" + FormFiller.literal(name)
                        + "]");
        retryOnStale(() -> click(waitFor(link)));
        wait(STEP)
                .withMessage(() -> "filter 「" + name + "」 not opened")
                .ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(active).isEmpty() && tasksLoaded());
    }

    /** The name of the filter the Tasklist has open (the one a user lands on after signing in). */
    String activeFilter() {
        By active = By.cssSelector("[cam-tasklist-filters] .task-filter.active h4.name a");
        return wait(STEP)
                .withMessage(() -> "no filter open")
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(active).stream()
                        .map(e -> e.getText().replaceAll("\\s+", " ").trim())
                        .map(t -> t.replaceAll(" ?\\(?\\d+\\)?$", ""))
                        .findFirst()
                        .orElse(null));
    }

    /** The filters the user sees, with their counts where shown. */
    List<String> filterNames() {
        return driver.findElements(By.cssSelector("[cam-tasklist-filters] .task-filter h4.name a")).stream()
                .map(e -> e.getText().replaceAll("\\s+", " ").trim())
                .collect(Collectors.toList());
    }

    /** The cards of the current list: task name, then the card's variables (单位, 年度). */
    @SuppressWarnings("unchecked")
    List<String> taskCards() {
        wait(STEP).until(d -> tasksLoaded());
        // Read in one go: the list refreshes itself and elements found one by one may go stale in between.
        return (List<String>) ((JavascriptExecutor) driver)
                .executeScript(
                        "return Array.from(document.querySelectorAll('ol.tasks-list > li.task')).map(function (card) {"
                                + "  var name = card.querySelector('h4.task a');"
                                + "  var vars = Array.from(card.querySelectorAll('.variable-value')).map(function (v) { return v.textContent.trim(); });"
                                + "  return [name ? name.textContent.trim() : ''].concat(vars).join(' ').trim();"
                                + "});");
    }

    /**
     * Opens the 历史 tab of the open task, waits until it shows {@code expected} (or gives up after a step's time),
     * returns its text and goes back to the 表单 tab.
     */
    String taskHistoryShowing(String expected) {
        By tab = By.xpath(
                "//section[contains(@class,'task-card')]//ul[contains(@class,'nav-tabs')]/li/a[normalize-space()='历史']");
        By form = By.xpath(
                "//section[contains(@class,'task-card')]//ul[contains(@class,'nav-tabs')]/li/a[normalize-space()='表单']");
        By content = By.cssSelector("section.task-card .tab-content");
        retryOnStale(() -> click(waitFor(tab)));
        String text;
        try {
            text = wait(STEP).ignoring(StaleElementReferenceException.class).until(d -> {
                String shown = d.findElement(content).getText();
                return shown.contains(expected) ? shown : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            text = driver.findElement(content).getText();
        }
        retryOnStale(() -> click(waitFor(form)));
        return text;
    }

    /** The tabs of the open task's pane that the user sees (表单, 历史, …). */
    List<String> taskTabs() {
        waitFor(By.cssSelector("section.task-card .tabbed-content .nav-tabs > li"));
        return driver.findElements(By.cssSelector("section.task-card .tabbed-content .nav-tabs > li")).stream()
                .filter(WebElement::isDisplayed)
                .map(e -> e.getText().trim())
                .toList();
    }

    /** The relative times the cards of the current list show (创建时间, 到期时间), as shown. */
    @SuppressWarnings("unchecked")
    List<String> cardTimes() {
        wait(STEP).until(d -> tasksLoaded());
        return (List<String>) ((JavascriptExecutor) driver)
                .executeScript("return Array.from(document.querySelectorAll('ol.tasks-list > li.task [am-time-ago]'))"
                        + ".map(function (t) { return t.textContent.trim(); });");
    }

    /** Waits until the current filter lists the task {@code name} of the given year (refreshing the filter). */
    WebElement waitForTask(String filter, String name, int fiscalYear) {
        By card = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
                + "[.//h4[contains(@class,'task')]/a[normalize-space()=" + FormFiller.literal(name) + "]]"
                + "[.//*[contains(@class,'variable-value')][normalize-space()='" + fiscalYear + "']]");
        try {
            return new WebDriverWait(driver, STEP, Duration.ofSeconds(1))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        openFilter(filter);
                        return d.findElements(card).stream().findFirst().orElse(null);
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "task 「" + name + "」 " + fiscalYear + " not in 「" + filter + "」; the list shows " + taskCards(), e);
        }
    }

    /**
     * Opens the task {@code name} of {@code fiscalYear} from the filter, claims it (认领) if nobody has, and returns
     * its form, ready for typing.
     */
    FormFiller openTask(String filter, String name, int fiscalYear) {
        // The list refreshes itself; a card found a moment ago may be gone (stale): then look again.
        String taskId = retryOnStale(() -> {
            WebElement link = waitForTask(filter, name, fiscalYear).findElement(By.cssSelector("h4.task a"));
            Matcher id = TASK_ID.matcher(link.getAttribute("href"));
            if (!id.find()) {
                throw new AssertionError("no task id in " + link.getAttribute("href"));
            }
            click(link);
            return id.group(1);
        });
        wait(STEP)
                .withMessage(() -> "task 「" + name + "」 did not open")
                .until(d -> d.getCurrentUrl().contains("task=" + taskId)
                        && d.findElements(By.xpath(
                                                "//section[contains(@class,'task-card')]//h2[contains(@class,'task')][normalize-space()="
                                                        + FormFiller.literal(name) + "]"))
                                        .size()
                                == 1);
        claimIfNeeded();
        return currentForm();
    }

    private static <T> T retryOnStale(java.util.function.Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void retryOnStale(Runnable action) {
        retryOnStale(() -> {
            action.run();
            return null;
        });
    }

    /**
     * A task is claimed for its user on opening (scripts/auto-claim.js): the user never clicks 认领. Waits until the
     * header shows a holder; fails if 认领 is still offered, which is what a user would otherwise have to click.
     */
    void claimIfNeeded() {
        waitFor(By.cssSelector("section.task-card li.assignee"));
        Set<WebElement> before = new HashSet<>(notifications());
        // The header is drawn again when the claim lands: a button found a moment ago may be gone (stale), then look
        // again.
        wait(STEP)
                .withMessage(
                        () -> "the task was not claimed on opening (认领 still offered): " + newNotifications(before))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("section.task-card button.claim")).stream()
                                .noneMatch(WebElement::isDisplayed)
                        && !d.findElements(By.cssSelector("section.task-card button.unclaim"))
                                .isEmpty());
    }

    /**
     * The editors of the open task's header that a person could use to re-route it: candidate groups, assignee, due
     * and follow-up dates — each one that is clickable or shown (empty when the header only shows them).
     */
    List<String> taskHeaderEditors() {
        waitFor(By.cssSelector("section.task-card .actors .groups"));
        Object found = ((JavascriptExecutor) driver)
                .executeScript("const out = [];"
                        + "const clickable = (sel) => document.querySelectorAll(sel).forEach(e => {"
                        + "  if (getComputedStyle(e).pointerEvents !== 'none') out.push('clickable ' + sel); });"
                        + "const shown = (sel) => document.querySelectorAll(sel).forEach(e => {"
                        + "  if (e.offsetParent !== null) out.push('shown ' + sel); });"
                        + "clickable('section.task-card .actors .groups > span');"
                        + "clickable('section.task-card .actors .assignee [cam-widget-inline-field]');"
                        + "clickable('section.task-card .due-date');"
                        + "clickable('section.task-card .follow-up-date');"
                        + "shown('section.task-card a[translate=\"ADD_GROUPS\"]');"
                        + "shown('section.task-card .reset-assignee');"
                        + "shown('.create-task-action');"
                        + "shown('section.task-card a[translate=\"SET_DUE_DATE\"]');"
                        + "shown('section.task-card a[translate=\"SET_FOLLOW_UP_DATE\"]');"
                        + "return out;");
        @SuppressWarnings("unchecked")
        List<String> editors = (List<String>) found;
        return editors;
    }

    /** The product name in the header (the webapps' branding). */
    String brand() {
        return waitFor(By.cssSelector(".navbar-brand"))
                .getText()
                .replaceAll("\\s+", " ")
                .trim();
    }

    /** Whether any task card of the list shows its priority number. */
    boolean cardPriorityShown() {
        return driver.findElements(By.cssSelector(".priority")).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Whether the open task shows its link into Cockpit. */
    boolean cockpitLinkShown() {
        return driver.findElements(By.cssSelector("section.task-card a.instance-link")).stream()
                .anyMatch(WebElement::isDisplayed);
    }

    /** Whether Camunda's "migrate to Camunda 8" banner shows on the current page. */
    boolean productBannerShown() {
        return driver.findElements(By.cssSelector(".ce-eol-banner")).stream().anyMatch(WebElement::isDisplayed);
    }

    /** The process instance of the open task (from its link to Cockpit). */
    String openTaskProcessInstanceId() {
        // The link itself is hidden from users (styles/user-styles.css); its address still names the instance.
        WebElement link = wait(STEP)
                .withMessage(() -> "no instance link in the task header")
                .until(d -> d.findElements(By.cssSelector("section.task-card a.instance-link")).stream()
                        .findFirst()
                        .orElse(null));
        Matcher m = INSTANCE_ID.matcher(link.getAttribute("href"));
        if (!m.find()) {
            throw new AssertionError("no process instance in " + link.getAttribute("href"));
        }
        return m.group(1);
    }

    /** The form of the open task. */
    FormFiller currentForm() {
        String name =
                waitFor(By.cssSelector("section.task-card h2.task")).getText().trim();
        WebElement form = wait(STEP)
                .withMessage(() -> "form of 「" + name + "」 not shown: " + taskText())
                .until(d -> d.findElements(By.cssSelector("section.task-card [cam-tasklist-form] .fjs-form")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        wait(STEP)
                .withMessage(() -> "form of 「" + name + "」 stays disabled")
                .until(d -> d.findElements(By.cssSelector("section.task-card [cam-tasklist-form] .disabled-form"))
                        .isEmpty());
        return new FormFiller(driver, form, name);
    }

    /**
     * 完成: completes the open task and waits for the Tasklist's answer. Fails with the server's message (e.g. a
     * refused section) or with the form's own validation messages.
     *
     * <p>Camunda 7.24.0's Tasklist with form-js 1.8.7 would keep 完成 disabled after typing into a dynamic list
     * (form-js leaves {@code errors[fieldId] = []}); the app's scripts/form-validity.js fixes that, and this step
     * fails if 完成 is disabled while the form shows no error.
     */
    /** Clicks 完成 and waits for the answer: "" when the task closed, else what refused it. */
    private String attemptComplete() {
        WebElement button = completeButton();
        if (!becomesEnabled(button, Duration.ofSeconds(1))) {
            List<String> errors = currentForm().validationErrors();
            if (!errors.isEmpty()) {
                throw new AssertionError("完成 is disabled; the form says " + errors);
            }
            // Without the app's Tasklist fix (scripts/form-validity.js) a user would be stuck here: fail, don't work
            // around.
            throw new AssertionError("完成 is disabled on 「"
                    + waitFor(By.cssSelector("section.task-card h2.task"))
                            .getText()
                            .trim()
                    + "」 although the form shows no error (form-js keeps errors[id] = [] for fields in dynamic lists;"
                    + " scripts/form-validity.js must prevent this)");
        }
        Matcher open = TASK_ID.matcher(driver.getCurrentUrl());
        if (!open.find()) {
            throw new AssertionError("no task open: " + driver.getCurrentUrl());
        }
        String taskId = open.group(1);
        Set<WebElement> before = new HashSet<>(notifications());
        click(button);
        // On success the Tasklist closes the task (its id leaves the address); on failure it shows an error notice.
        String failure = wait(STEP)
                .withMessage(() -> "完成 got no answer; the page shows: " + pageText())
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<String> errors = newErrorNotifications(before);
                    if (!errors.isEmpty()) {
                        return "完成 failed: " + errors;
                    }
                    List<String> formErrors = currentFormErrorsQuietly();
                    if (!formErrors.isEmpty()) {
                        return "完成 refused by the form: " + formErrors;
                    }
                    return d.getCurrentUrl().contains("task=" + taskId) ? null : "";
                });
        return failure;
    }

    /** 完成 of the open task, expected to succeed (the task closes). */
    void complete() {
        String failure = attemptComplete();
        if (!failure.isEmpty()) {
            throw new AssertionError(failure);
        }
    }

    /** 完成 of the open task, expected to be refused: returns what the Tasklist said; the task must stay open. */
    String completeRefused() {
        String failure = attemptComplete();
        if (failure.isEmpty()) {
            throw new AssertionError("完成 was accepted, but a refusal was expected");
        }
        return failure;
    }

    /** Whether 完成 of the open task can be clicked now (after the form has settled). */
    boolean completeEnabled() {
        WebElement button = completeButton();
        return becomesEnabled(button, Duration.ofMillis(800));
    }

    /** What the box beside a disabled 完成 lists as blocking it (scripts/form-validity.js); empty when nothing. */
    List<String> completeBlockers() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return driver.findElements(By.cssSelector("section.task-card [cam-tasklist-form] .jx-blockers li")).stream()
                .map(e -> e.getText().trim())
                .toList();
    }

    private WebElement completeButton() {
        return waitFor(By.cssSelector("section.task-card [cam-tasklist-form] button[ng-click='complete()']"));
    }

    private boolean becomesEnabled(WebElement button, Duration timeout) {
        try {
            wait(timeout).until(d -> button.isEnabled());
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    private List<String> currentFormErrorsQuietly() {
        List<WebElement> forms = driver.findElements(By.cssSelector("section.task-card [cam-tasklist-form] .fjs-form"));
        return forms.isEmpty() ? List.of() : new FormFiller(driver, forms.get(0), "form").validationErrors();
    }

    // ------------------------------------------------------------------ start a process

    /** 发起流程 → the process by name → its start form, filled by {@code fill} → 发起. */
    void startProcess(String processName, java.util.function.Consumer<FormFiller> fill) {
        click(waitFor(By.xpath("//li[contains(@class,'start-process-action')]//a")));
        WebElement process = waitFor(By.xpath(
                "//div[contains(@class,'modal-dialog')]//ul[contains(@class,'processes')]//a[normalize-space()="
                        + FormFiller.literal(processName) + "]"));
        click(process);
        WebElement form = waitFor(By.cssSelector(".modal-dialog [cam-tasklist-form] .fjs-form"));
        fill.accept(new FormFiller(driver, form, "发起流程: " + processName));
    }

    /** The button 发起 of the start dialog; waits for 流程已发起 and the dialog to close. */
    void confirmStart() {
        Set<WebElement> before = new HashSet<>(notifications());
        click(waitFor(By.cssSelector(".modal-dialog button[ng-click='startProcessInstance()']")));
        awaitNotification(before, "流程已发起");
        wait(STEP).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    }

    // ------------------------------------------------------------------ notifications

    private List<WebElement> notifications() {
        return driver.findElements(By.cssSelector(".notifications .alert"));
    }

    private List<String> newNotifications(Set<WebElement> before) {
        return notifications().stream()
                .filter(n -> !before.contains(n))
                .map(n -> n.getText().replaceAll("\\s+", " ").trim())
                .collect(Collectors.toList());
    }

    private List<String> newErrorNotifications(Set<WebElement> before) {
        return notifications().stream()
                .filter(n -> !before.contains(n) && n.getAttribute("class").contains("alert-danger"))
                .map(n -> n.getText().replaceAll("\\s+", " ").trim())
                .collect(Collectors.toList());
    }

    private String awaitNotification(Set<WebElement> before, String success) {
        return awaitNotification(before, success, () -> null);
    }

    /**
     * Waits for the Tasklist's answer: a new notification containing {@code success} (returned), or a new error
     * notification, or the {@code other} failure, whichever comes first (the failures are thrown). Other notices, such
     * as “您还是同一流程中以下任务的处理人”, are passed over.
     */
    private String awaitNotification(
            Set<WebElement> before, String success, java.util.function.Supplier<String> other) {
        String answer = wait(STEP)
                .withMessage(() -> "no 「" + success + "」 from the Tasklist; new notices " + newNotifications(before)
                        + "; the page shows: " + pageText())
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    for (WebElement n : notifications()) {
                        if (before.contains(n) || !n.isDisplayed()) {
                            continue;
                        }
                        String text = n.getText().replaceAll("\\s+", " ").trim();
                        if (text.contains(success)) {
                            return text;
                        }
                        if (n.getAttribute("class").contains("alert-danger")
                                || n.getAttribute("class").contains("alert-error")) {
                            return "FAILED: " + text;
                        }
                    }
                    String failure = other.get();
                    return failure == null ? null : "FAILED: " + failure;
                });
        if (answer.startsWith("FAILED: ")) {
            throw new AssertionError(answer.substring(8));
        }
        return answer;
    }

    // ------------------------------------------------------------------ helpers

    String taskText() {
        List<WebElement> task = driver.findElements(By.cssSelector("section.task-card"));
        return task.isEmpty() ? "(no task open)" : task.get(0).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private boolean tasksLoaded() {
        List<WebElement> loaders = driver.findElements(By.cssSelector("[cam-tasks] > .loader"));
        return loaders.isEmpty() || !loaders.get(0).isDisplayed();
    }

    WebElement waitFor(By by) {
        return wait(STEP).withMessage(() -> by + " not shown").until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait(STEP).until(d -> {
            try {
                element.click();
            } catch (org.openqa.selenium.ElementClickInterceptedException e) {
                // A tooltip of the element hovered before (e.g. a filter's description) can sit on top of it: move the
                // pointer away and try again, as a person would.
                new org.openqa.selenium.interactions.Actions(d)
                        .moveToLocation(1, 1)
                        .perform();
                return false;
            }
            return true;
        });
    }

    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(200));
        return wait;
    }
}
