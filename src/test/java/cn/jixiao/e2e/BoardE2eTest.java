package cn.jixiao.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.board.BoardSeed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * 报送进度 in headless Chromium (Chinese): {@code finance} signs in to the Tasklist, follows 报送进度 in its header to
 * the 2023 board without signing in again, sees the progress bar and the three ECharts charts drawn (SVG with data),
 * filters to the overdue units, and downloads the 汇总表, which opens with POI with one row per unit. A county of 40
 * units is seeded into the board's tables (cn.jixiao.board.BoardSeed), its deadline two days gone. Screenshots go to
 * {@code <build dir>/e2e-screenshots/board/}; docs/screenshot-board.png is one of them.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:e2e-board-${random.uuid};DB_CLOSE_DELAY=-1;MODE=LEGACY")
@ActiveProfiles("demo")
@DirtiesContext
@ExtendWith(RequiresChromium.class)
class BoardE2eTest {

    static final int YEAR = 2023;
    static final int UNITS = 40;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private E2eBrowser.Session browser;
    private Path downloads;
    private WebDriver driver;
    private Screenshots screenshots;

    @BeforeAll
    static void chromium() {
        E2eBrowser.requireChromium();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        downloads = Files.createTempDirectory("jx-e2e-board-downloads-");
        browser = E2eBrowser.start(downloads);
        driver = browser.driver();
        screenshots = new Screenshots(
                E2eBrowser.buildDirectory().resolve("e2e-screenshots").resolve("board"));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        E2eBrowser.deleteQuietly(downloads);
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void financeFollowsTheLinkSeesTheChartsFiltersTheOverdueAndDownloadsTheWorkbook() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        BoardSeed.Seeded county = BoardSeed.seed(jdbc, "430423-T", YEAR, UNITS, today.minusDays(2), today, 2023);
        assertThat(county.overdue()).isPositive();

        TasklistPage tasklist = new TasklistPage(driver, "http://localhost:" + port);
        tasklist.login("finance", "demo");
        WebElement link = wait(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("jixiao-board-link")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        assertThat(link.getText()).isEqualTo("报送进度");
        screenshots.take(driver, "tasklist-header-link");
        link.click();

        // No second sign-in: the Tasklist's session opens the latest year's board.
        wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/board/" + YEAR));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(YEAR + "年度", "报送进度");
        assertThat(driver.findElement(By.id("unit-count")).getText()).isEqualTo(String.valueOf(UNITS));
        assertThat(driver.findElement(By.id("overdue-count")).getText()).isEqualTo(String.valueOf(county.overdue()));
        assertThat(driver.findElements(By.cssSelector("#stage-bar a"))).isNotEmpty();
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("已过截止日期 2 天");
        for (String chart : List.of("chart-submissions", "chart-scores", "chart-grades")) {
            wait(Duration.ofSeconds(30))
                    .withMessage(() -> chart + " not drawn")
                    .until(d -> "true".equals(d.findElement(By.id(chart)).getDomAttribute("data-drawn"))
                            && !d.findElements(By.cssSelector("#" + chart + " svg path"))
                                    .isEmpty());
        }
        // The histogram's bars are there with data: the bar paths of the scores chart outnumber its axes.
        assertThat(driver.findElements(By.cssSelector("#chart-scores svg path")).size())
                .isGreaterThan(5);
        assertThat(driver.findElements(By.cssSelector("#units tbody tr"))).hasSize(UNITS);
        Path board = screenshots.take(driver, "board");

        // 仅看逾期: only the overdue units, each marked 逾期.
        driver.findElement(By.name("overdue")).click();
        driver.findElement(By.id("filter-submit")).click();
        wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("overdue=1"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#units tbody tr"));
        assertThat(rows).hasSize(county.overdue());
        assertThat(rows)
                .allSatisfy(row -> assertThat(
                                row.findElement(By.cssSelector("td.overdue")).getText())
                        .isEqualTo("逾期"));
        assertThat(driver.findElement(By.id("row-count")).getText()).contains(String.valueOf(county.overdue()));
        screenshots.take(driver, "board-overdue");

        // The 汇总表 in one click.
        driver.findElement(By.id("summary-download")).click();
        Path workbook = wait(Duration.ofSeconds(60))
                .withMessage("no workbook downloaded")
                .until(d -> downloaded());
        assertThat(workbook.getFileName().toString()).isEqualTo(YEAR + "年度部门整体支出绩效自评汇总表.xlsx");
        try (InputStream in = Files.newInputStream(workbook);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheet("单位汇总").getLastRowNum()).isEqualTo(UNITS);
            assertThat(book.getSheet("项目明细").getLastRowNum()).isEqualTo(county.projects());
        }
        System.out.println("[e2e] board screenshot: " + board);
    }

    private Path downloaded() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xlsx"))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }
}
