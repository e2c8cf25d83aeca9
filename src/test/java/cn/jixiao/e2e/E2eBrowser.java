package cn.jixiao.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The headless Chromium of the end-to-end test: the system's own browser and driver, never a downloaded one (both
 * paths are given explicitly, so Selenium Manager has nothing to resolve). Defaults {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}; a developer may point elsewhere with {@code -Djx.e2e.chromium=…} and
 * {@code -Djx.e2e.chromedriver=…}.
 */
final class E2eBrowser {

    static final Path CHROMIUM = Path.of(System.getProperty("jx.e2e.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("jx.e2e.chromedriver", "/usr/bin/chromedriver"));

    private E2eBrowser() {}

    /** What is missing of Chromium and its driver, or {@code null} when both are there. */
    static String missing() {
        return Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(p -> !Files.isExecutable(p))
                .map(Path::toString)
                .reduce((a, b) -> a + " and " + b)
                .orElse(null);
    }

    static String missingMessage(String missing) {
        return "End-to-end browser test needs Chromium and chromedriver, but " + missing + " is missing. "
                + "Install them (Debian/Ubuntu: apt-get install -y chromium chromium-driver fonts-noto-cjk) or point "
                + "-Djx.e2e.chromium / -Djx.e2e.chromedriver at them.";
    }

    /**
     * Fails when Chromium or its driver is missing and the environment variable {@code CI} is set, so a CI machine
     * without a browser cannot pass silently. (Without {@code CI} the test class is skipped before this runs: see
     * {@link RequiresChromium}.)
     */
    static void requireChromium() {
        String missing = missing();
        if (missing == null) {
            return;
        }
        if (System.getenv("CI") != null) {
            Assertions.fail(missingMessage(missing) + " (CI is set, so a missing browser fails the build.)");
        }
        Assumptions.abort(missingMessage(missing));
    }

    /** A fresh headless Chromium with its own profile directory, speaking Chinese (zh-CN first). */
    static Session start(Path downloads) {
        try {
            Path profile = Files.createTempDirectory("jx-e2e-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1400,1000",
                    "--lang=zh-CN",
                    "--user-data-dir=" + profile);
            options.setExperimentalOption(
                    "prefs",
                    Map.of(
                            "intl.accept_languages",
                            "zh-CN,zh",
                            "download.default_directory",
                            downloads.toString(),
                            "download.prompt_for_download",
                            false,
                            "safebrowsing.enabled",
                            false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withTimeout(Duration.ofSeconds(60))
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Session(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser and its profile directory, removed again on close. */
    record Session(ChromeDriver driver, Path profile) implements AutoCloseable {

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                deleteQuietly(profile);
            }
        }
    }

    /**
     * The build directory ({@code target/} by default, {@code -Djx.build.dir} otherwise): the system property when
     * the build passes it, else the parent of the directory this test class was loaded from ({@code test-classes}).
     */
    static Path buildDirectory() {
        String configured = System.getProperty("jx.build.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path classes = Path.of(E2eBrowser.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return classes.getParent();
        } catch (URISyntaxException | NullPointerException e) {
            return Path.of("target");
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                File f = p.toFile();
                if (!f.delete()) {
                    f.deleteOnExit();
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
