package cn.jixiao.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Types into a Camunda Form (form-js 1.8.7) as a person does: fields found by their visible Chinese label, within a
 * group, a dynamic list or one item of it (labels such as 年初预算数 repeat, so the scope says which one is meant).
 * A label must name exactly one field in its scope, otherwise the step fails and says so.
 */
final class FormFiller {

    private static final String FIELD = "contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')";
    private static final String GROUPLIKE =
            "contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field-grouplike ')";

    private final WebDriver driver;
    private final WebElement scope;
    private final String path;

    FormFiller(WebDriver driver, WebElement scope, String path) {
        this.driver = driver;
        this.scope = scope;
        this.path = path;
    }

    WebElement element() {
        return scope;
    }

    // ------------------------------------------------------------------ scopes

    /** A group (or a dynamic list as a whole) by its label. */
    FormFiller group(String label) {
        return new FormFiller(
                driver,
                unique(By.xpath(".//div[" + GROUPLIKE + "][label[" + labelIs(label) + "]]"), "group 「" + label + "」"),
                path + " › " + label);
    }

    /** Item {@code index} (from 0) of the dynamic list labelled {@code listLabel}, added with 新增一项 (form-js: “Add new”) if needed. */
    FormFiller item(String listLabel, int index) {
        FormFiller list = group(listLabel);
        List<WebElement> rows = list.rows();
        while (rows.size() <= index) {
            int before = rows.size();
            WebElement add = list.addButton();
            scrollIntoView(add);
            add.click();
            wait(10).withMessage(() -> "新增一项 added no item to 「" + listLabel + "」 in " + path)
                    .until(d -> list.rows().size() > before);
            rows = list.rows();
        }
        return new FormFiller(driver, rows.get(index), path + " › " + listLabel + "[" + (index + 1) + "]");
    }

    /** How many items the dynamic list labelled {@code listLabel} shows. */
    int itemCount(String listLabel) {
        return group(listLabel).rows().size();
    }

    /**
     * The list's items. form-js wraps each item in a row container only where items can be removed; a list without
     * adding and removing (填写项目自评表's list of one project) holds its one item directly, so it is its own row.
     */
    @SuppressWarnings("unchecked")
    private List<WebElement> rows() {
        return (List<WebElement>) js().executeScript(
                        "var list = arguments[0];"
                                + "var rows = Array.from(list.querySelectorAll('.fjs-repeat-row-container'))"
                                + ".filter(function (r) { return r.parentElement.closest('.fjs-form-field-dynamiclist') === list; });"
                                + "var adds = Array.from(list.querySelectorAll('button.fjs-repeat-render-add'))"
                                + "  .filter(function (b) { return b.closest('.fjs-form-field-dynamiclist') === list; });"
                                + "if (rows.length === 0 && adds.length === 0 && list.querySelector('.fjs-form-field')) { rows = [list]; }"
                                + "return rows;",
                        scope);
    }

    private WebElement addButton() {
        WebElement button = (WebElement) js().executeScript(
                        "var list = arguments[0];"
                                + "return Array.from(list.querySelectorAll('button.fjs-repeat-render-add'))"
                                + ".filter(function (b) { return b.closest('.fjs-form-field-dynamiclist') === list; })[0] || null;",
                        scope);
        if (button == null) {
            throw new AssertionError("no 新增一项 button in " + path);
        }
        return button;
    }

    // ------------------------------------------------------------------ fields

    /**
     * Types a text or number into the field labelled {@code label}, replacing what it held, and leaves the field with
     * Tab. form-js takes a typed value over only after a short debounce or when the field loses focus, and a re-render
     * in between (caused by the field left just before) can put back the old value; so the value is checked once the
     * page has rendered, and typed again if it did not stay.
     */
    FormFiller type(String label, Object value) {
        String text = value instanceof BigDecimal b ? b.toPlainString() : String.valueOf(value);
        String shown = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            WebElement input = input(label);
            // One round trip: focus (WebDriver scrolls the field into view), select all, delete, type, leave with Tab.
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, text, Keys.TAB);
            settle();
            try {
                shown = input.getAttribute("value");
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                shown = input(label).getAttribute("value");
            }
            if (text.equals(shown)) {
                return this;
            }
        }
        throw new AssertionError(
                "「" + label + "」 in " + path + " does not keep " + text + " after typing, but shows " + shown);
    }

    /**
     * Picks a day in the date field labelled {@code label} as the calendar would (form-js's date field is a flatpickr
     * whose typed format follows the browser's locale), and checks the field shows a date.
     */
    FormFiller pickDate(String label, java.time.LocalDate day) {
        // The date field nests its label deeper than the other fields do.
        By field = By.xpath(".//div[contains(@class,'fjs-form-field-datetime')][.//label[contains(normalize-space(), "
                + literal(label) + ")]]//input[contains(@class,'fjs-input')]");
        WebElement input = unique(field, "date field 「" + label + "」");
        // A Date, not a text: flatpickr would read a text in the locale's own format.
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0]._flatpickr.setDate(new Date(arguments[1], arguments[2] - 1, arguments[3]), true);",
                        input,
                        day.getYear(),
                        day.getMonthValue(),
                        day.getDayOfMonth());
        settle();
        String shown = unique(field, "date field 「" + label + "」").getAttribute("value");
        if (shown == null || shown.isBlank()) {
            throw new AssertionError("「" + label + "」 in " + path + " shows no date after picking " + day);
        }
        return this;
    }

    /** The value the field labelled {@code label} shows. */
    String value(String label) {
        return input(label).getAttribute("value");
    }

    /** Picks an option of the select field labelled {@code label}. */
    FormFiller select(String label, String option) {
        WebElement field = field(label);
        WebElement display = field.findElement(By.cssSelector(".fjs-input-group"));
        scrollIntoView(display);
        By item = By.xpath(".//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()=" + literal(option) + "]");
        // The list may already be open (Tab into the field opens it); a click would close it again.
        WebElement choice = wait(5).withMessage(() -> "option 「" + option + "」 of 「" + label + "」 in " + path)
                .until(d -> {
                    List<WebElement> shown = field.findElements(item);
                    if (!shown.isEmpty()) {
                        return shown.get(0);
                    }
                    display.click();
                    settle();
                    shown = field.findElements(item);
                    return shown.isEmpty() ? null : shown.get(0);
                });
        choice.click();
        settle();
        wait(5).withMessage(() -> "「" + label + "」 in " + path + " does not show 「" + option + "」")
                .until(d -> option.equals(field.findElement(By.cssSelector(".fjs-select-display"))
                        .getText()
                        .trim()));
        return this;
    }

    /** Chooses an option of a radio group, or ticks an option of a checklist, labelled {@code label}. */
    FormFiller choose(String label, String option) {
        WebElement field = field(label);
        WebElement optionLabel =
                field.findElements(By.xpath(".//label[normalize-space()=" + literal(option) + "]")).stream()
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("no option 「" + option + "」 in 「" + label + "」 in " + path));
        WebElement input = optionLabel.findElements(By.tagName("input")).stream()
                .findFirst()
                .orElseGet(() -> driver.findElement(By.id(optionLabel.getAttribute("for"))));
        if (!input.isSelected()) {
            scrollIntoView(optionLabel);
            optionLabel.click();
            settle();
        }
        wait(5).withMessage(() -> "「" + option + "」 of 「" + label + "」 in " + path + " is not selected")
                .until(d -> input.isSelected());
        return this;
    }

    /** Clears a ticked option of a checklist (the opposite of {@link #choose}). */
    FormFiller unchoose(String label, String option) {
        WebElement field = field(label);
        WebElement optionLabel =
                field.findElements(By.xpath(".//label[normalize-space()=" + literal(option) + "]")).stream()
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("no option 「" + option + "」 in 「" + label + "」 in " + path));
        WebElement input = optionLabel.findElements(By.tagName("input")).stream()
                .findFirst()
                .orElseGet(() -> driver.findElement(By.id(optionLabel.getAttribute("for"))));
        if (input.isSelected()) {
            scrollIntoView(optionLabel);
            optionLabel.click();
            settle();
        }
        wait(5).withMessage(() -> "「" + option + "」 of 「" + label + "」 in " + path + " is still selected")
                .until(d -> !input.isSelected());
        return this;
    }

    /** The options a checklist or radio field offers, by their labels; empty when the field is not shown. */
    List<String> options(String label) {
        List<WebElement> fields = scope.findElements(
                By.xpath(".//div[" + FIELD + "][not(" + GROUPLIKE + ")][label[" + labelIs(label) + "]]"));
        if (fields.isEmpty() || !fields.get(0).isDisplayed()) {
            return List.of();
        }
        return fields.get(0).findElements(By.xpath(".//label[.//input]")).stream()
                .map(l -> l.getText().trim())
                .toList();
    }

    /** The visible text of this scope (for the Chinese comments and findings shown on a form). */
    String text() {
        return scope.getText();
    }

    /** The form-js validation messages now shown in this scope. */
    List<String> validationErrors() {
        return scope.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                .filter(WebElement::isDisplayed)
                .map(e -> {
                    WebElement f = e.findElement(By.xpath("./ancestor::div[" + FIELD + "][1]"));
                    List<WebElement> labels = f.findElements(By.xpath("./label"));
                    return (labels.isEmpty() ? "?" : labels.get(0).getText()) + ": " + e.getText();
                })
                .collect(Collectors.toList());
    }

    /** Scrolls the task pane back to the top of this form (where comments and findings are shown). */
    void scrollToTop() {
        js().executeScript("arguments[0].scrollIntoView({block: 'start'});", scope);
    }

    /** Waits until the page has rendered what was just done (two animation frames and a task), no fixed sleep. */
    void settle() {
        js().executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(done, 0); }); });");
    }

    void scrollIntoView(WebElement element) {
        js().executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    }

    // ------------------------------------------------------------------ lookup

    private WebElement field(String label) {
        return unique(
                By.xpath(".//div[" + FIELD + "][not(" + GROUPLIKE + ")][label[" + labelIs(label) + "]]"),
                "field 「" + label + "」");
    }

    private WebElement input(String label) {
        WebElement field = field(label);
        List<WebElement> inputs = field.findElements(By.cssSelector("input.fjs-input, textarea"));
        if (inputs.size() != 1) {
            throw new AssertionError("field 「" + label + "」 in " + path + " has " + inputs.size() + " inputs");
        }
        return inputs.get(0);
    }

    private WebElement unique(By by, String what) {
        List<WebElement> found = wait(10).ignoring(NoSuchElementException.class)
                .withMessage(() -> what + " not found in " + path)
                .until(d -> {
                    List<WebElement> all = scope.findElements(by);
                    return all.isEmpty() ? null : all;
                });
        if (found.size() != 1) {
            throw new AssertionError(
                    what + " is ambiguous in " + path + ": " + found.size() + " matches; narrow the scope");
        }
        return found.get(0);
    }

    /** The label's own first text, i.e. without the asterisk of a required field. */
    private static String labelIs(String label) {
        return "normalize-space(text()[1])=" + literal(label);
    }

    /** An XPath string literal for any text (the labels contain no quotes, but be safe). */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    private WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.pollingEvery(Duration.ofMillis(100));
        return wait;
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }
}
