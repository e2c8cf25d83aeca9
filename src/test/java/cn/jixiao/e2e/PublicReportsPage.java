package cn.jixiao.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.docx4j.TraversalUtil;
import org.docx4j.XmlUtils;
import org.docx4j.finders.ClassFinder;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.Text;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** 部门整体支出绩效自评报告公开: the public list at {@code /public/reports}, without signing in. */
final class PublicReportsPage {

    private final WebDriver driver;
    private final String baseUrl;

    PublicReportsPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /**
     * Opens the page and reloads it (as a visitor would) until the row of {@code unitName}'s {@code fiscalYear}
     * report appears: the publication is an asynchronous job, done within seconds of 审核通过.
     */
    WebElement waitForRow(int fiscalYear, String unitName, Duration timeout) {
        By row = By.xpath("//table/tbody/tr[td[1][normalize-space()='" + fiscalYear + "']][td[2][normalize-space()="
                + FormFiller.literal(unitName) + "]]");
        driver.get(baseUrl + "/public/reports");
        return new WebDriverWait(driver, timeout, Duration.ofSeconds(2))
                .withMessage(() -> "no published " + fiscalYear + " report of " + unitName + " on /public/reports: "
                        + driver.findElement(By.tagName("body")).getText())
                .until(d -> {
                    List<WebElement> found = d.findElements(row);
                    if (!found.isEmpty()) {
                        return found.get(0);
                    }
                    d.navigate().refresh();
                    return null;
                });
    }

    /**
     * Fetches {@code url} from the page with the browser's own (session-less) HTTP and returns status, content type
     * and the first five bytes of the body as text.
     */
    static List<String> fetchHead(WebDriver driver, String url) {
        Object result = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'omit'})
          .then(r => r.arrayBuffer().then(b => done([String(r.status), r.headers.get('content-type') || '',
              String.fromCharCode(...new Uint8Array(b.slice(0, 5)))])))
          .catch(e => done(['error', String(e), '']));
        """, url);
        return ((List<?>) result).stream().map(String::valueOf).toList();
    }

    /** The texts of a row's cells: 年度, 单位, 总分, 等级, 公开日期, 报告. */
    static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(c -> c.getText().trim())
                .collect(Collectors.toList());
    }

    /** Clicks 下载 Word in the row and waits for the browser to finish saving the file into {@code downloads}. */
    Path download(WebElement row, Path downloads, Duration timeout) {
        row.findElement(By.linkText("下载 Word")).click();
        return new WebDriverWait(driver, timeout, Duration.ofMillis(250))
                .withMessage(() -> "the .docx was not downloaded into " + downloads)
                .until(d -> finishedDocx(downloads).orElse(null));
    }

    private static Optional<Path> finishedDocx(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            boolean inProgress =
                    all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
            return inProgress
                    ? Optional.empty()
                    : all.stream()
                            .filter(p -> p.getFileName().toString().endsWith(".docx"))
                            .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the .docx as Word would have to (docx4j) and returns all its text. */
    static String openDocx(Path file) {
        try {
            WordprocessingMLPackage pkg = WordprocessingMLPackage.load(file.toFile());
            ClassFinder texts = new ClassFinder(Text.class);
            new TraversalUtil(pkg.getMainDocumentPart().getContent(), texts);
            return texts.results.stream()
                    .map(o -> ((Text) XmlUtils.unwrap(o)).getValue())
                    .collect(Collectors.joining());
        } catch (Docx4JException e) {
            throw new AssertionError("the downloaded file " + file + " is not a .docx that opens", e);
        }
    }
}
