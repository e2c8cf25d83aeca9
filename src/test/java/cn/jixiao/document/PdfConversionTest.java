package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated .docx as a real office suite sees it: LibreOffice converts it to PDF, poppler reads the text and
 * renders the first page and the 自评表 page as PNG (kept in the build directory as test output). Skipped with a
 * message where LibreOffice is not installed, except in CI (env CI set), where a missing tool fails the build.
 */
class PdfConversionTest {

    private static final Path OUT = Path.of(System.getProperty("jixiao.build.dir", "target"), "document-pdf");

    @Test
    void correctedSampleConvertsToAPdfWithTitleUnitAndTotal() throws Exception {
        requireTools("soffice", "pdftotext", "pdfinfo", "pdftoppm");
        Files.createDirectories(OUT);
        Path docx = OUT.resolve("report.docx");
        Files.write(
                docx,
                Fixtures.render(
                        Fixtures.corrected(),
                        Fixtures.evaluate(Fixtures.corrected()),
                        DocumentOptions.finalCopy(LocalDate.of(2023, 3, 10))));

        Path profile = Files.createTempDirectory("lo-profile");
        run(
                OUT,
                "soffice",
                "-env:UserInstallation=" + profile.toUri(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                OUT.toString(),
                docx.toString());
        Path pdf = OUT.resolve("report.pdf");
        assertThat(pdf).exists();

        int pages = pageCount(run(OUT, "pdfinfo", pdf.toString()));
        assertThat(pages).as("page count").isBetween(4, 20);

        String text = run(OUT, "pdftotext", "-layout", pdf.toString(), "-").replaceAll("[ \\t\\u3000]+", "");
        assertThat(text)
                .contains("2022年度部门整体支出绩效自评报告")
                .contains("衡山县行政审批服务局")
                .contains("94.75")
                .contains("预算支出绩效自评表")
                .as("落款 date")
                .contains("2023年3月10日");

        int tablePage = firstPageContaining(pdf, pages, "项目支出名称");
        run(
                OUT,
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                pdf.toString(),
                OUT.resolve("page1").toString());
        run(
                OUT,
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                String.valueOf(tablePage),
                "-l",
                String.valueOf(tablePage),
                "-singlefile",
                pdf.toString(),
                OUT.resolve("table").toString());
        assertThat(OUT.resolve("page1.png")).exists();
        assertThat(OUT.resolve("table.png")).exists();
    }

    private static int firstPageContaining(Path pdf, int pages, String needle) throws Exception {
        for (int page = 1; page <= pages; page++) {
            String text = run(
                            OUT,
                            "pdftotext",
                            "-f",
                            String.valueOf(page),
                            "-l",
                            String.valueOf(page),
                            pdf.toString(),
                            "-")
                    .replaceAll("\\s+", "");
            if (text.contains(needle)) {
                return page;
            }
        }
        throw new AssertionError("no page contains " + needle);
    }

    private static int pageCount(String pdfinfo) {
        Matcher m = Pattern.compile("Pages:\\s+(\\d+)").matcher(pdfinfo);
        assertThat(m.find()).as("pdfinfo output: %s", pdfinfo).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void requireTools(String... tools) {
        List<String> missing = new ArrayList<>();
        for (String tool : tools) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError(
                    "CI must install " + missing + " (libreoffice-writer-nogui, poppler-utils): see .ci/run");
        }
        assumeTrue(
                missing.isEmpty(),
                "skipped: " + missing + " not installed (apt-get install libreoffice-writer-nogui poppler-utils)");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("%s finished", command[0])
                .isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as("%s: %s", String.join(" ", command), text)
                .isZero();
        return text;
    }
}
