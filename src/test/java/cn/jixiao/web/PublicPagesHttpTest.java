package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.jixiao.pdf.OfficeConverter;
import cn.jixiao.pdf.PublishedPdfs;
import cn.jixiao.testing.HttpTestSupport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Publication seen from outside: the public page, its downloads, and the document API. */
class PublicPagesHttpTest extends HttpTestSupport {

    private static final HttpClient BYTES = HttpClient.newHttpClient();

    @Autowired
    PublishedPdfs pdfs;

    @Autowired
    OfficeConverter converter;

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORD));
        }
        return BYTES.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The public page as a browser asks for it. */
    private HttpResponse<String> page() throws Exception {
        return page("");
    }

    private HttpResponse<String> page(String query) throws Exception {
        return BYTES.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/reports" + query))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String publishedReport() throws Exception {
        String id = reportInInternalReview();
        completeOk("leader", task("leader", id, "internalReview"), vars("leaderDecision", string("approve")));
        completeOk("finance", task("finance", id, "financeReview"), vars("financeDecision", string("accept")));
        Instant deadline = Instant.now().plusSeconds(60);
        while (!"published".equals(report("clerk", id).path("stage").asText())) {
            assertThat(Instant.now()).as("publication job ran").isBefore(deadline);
            Thread.sleep(200);
        }
        return id;
    }

    /** 公开日期 of a report, as the API lists it. */
    private LocalDate publishedOn(String id) {
        for (var entry : get("clerk", "/api/reports?fiscalYear=2022").json()) {
            if (id.equals(entry.path("id").asText())) {
                return LocalDate.parse(entry.path("publishedOn").asText());
            }
        }
        throw new AssertionError("report " + id + " not listed for clerk");
    }

    private static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** Skips (with what to install) where LibreOffice is missing, except in CI (env CI), where that fails. */
    private void requireLibreOffice() {
        boolean installed = converter.unavailable().isEmpty();
        if (!installed && System.getenv("CI") != null) {
            throw new AssertionError(
                    "CI must install LibreOffice (libreoffice-writer-nogui) for the PDF tests: see .ci/run");
        }
        assumeTrue(installed, "skipped: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
    }

    /** The PDF's text via poppler's pdftotext, spaces removed; null (and the check skipped) where it is missing. */
    private static String pdfText(byte[] pdf) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("jx-public-", ".pdf");
        try {
            java.nio.file.Files.write(file, pdf);
            Process process;
            try {
                process = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-")
                        .redirectErrorStream(true)
                        .start();
            } catch (java.io.IOException missing) {
                if (System.getenv("CI") != null) {
                    throw new AssertionError("CI must install poppler-utils (pdftotext)", missing);
                }
                System.out.println("[pdf] pdftotext not installed: the PDF's text is not checked");
                return null;
            }
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("pdftotext: %s", text).isZero();
            return text.replaceAll("[ \\t\\u3000]+", "");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void publishedReportIsListedAndDownloadableWithoutLogin() throws Exception {
        String id = publishedReport();

        HttpResponse<String> page = page();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body())
                .contains("部门整体支出绩效自评报告公开")
                .contains("衡山县行政审批服务局")
                .contains("94.75")
                .contains("优")
                .contains("/public/reports/" + id + "/document");

        HttpResponse<byte[]> docx = download(null, "/public/reports/" + id + "/document");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElse(""))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''2022");
        String xml = WordprocessingMLPackage.load(new ByteArrayInputStream(docx.body()))
                .getMainDocumentPart()
                .getXML();
        assertThat(xml).contains("衡山县行政审批服务局").contains("94.75").doesNotContain("草稿");

        // The unit gets the same published document through the API.
        HttpResponse<byte[]> viaApi = download("clerk", "/api/reports/" + id + "/document");
        assertThat(viaApi.statusCode()).isEqualTo(200);
        assertThat(viaApi.body()).isEqualTo(docx.body());
    }

    @Test
    void thePublicPageNamesTheIssuerSearchesByUnitNameAndExplainsABadYear() throws Exception {
        String id = publishedReport();
        HttpResponse<String> all = page();
        assertThat(all.body()).contains("衡山县财政局").contains("data-label=\"公开日期\"");

        String byName = page("?unit=" + java.net.URLEncoder.encode("行政审批", java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(byName).contains("/public/reports/" + id + "/document");
        String other = page("?unit=" + java.net.URLEncoder.encode("教育局", java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(other).doesNotContain("/public/reports/" + id + "/document").contains("暂无符合条件的已公开报告");
        assertThat(page("?fiscalYear=2022&unit=430423-XZSP").body()).contains("/public/reports/" + id + "/document");

        HttpResponse<String> bad = page("?fiscalYear=abc");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(bad.body()).contains("「年度」应为四位数字的年份").contains("实填abc").doesNotContain("\"message\"");
        HttpResponse<String> script = page("?fiscalYear=%3Cscript%3E");
        assertThat(script.body()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void aPublishedReportReadsOnlineAsHtmlWithItsTablesAndSignature() throws Exception {
        String id = publishedReport();
        assertThat(page().body()).contains("<a href=\"/public/reports/" + id + "\">在线阅读</a>");

        HttpResponse<String> view = BYTES.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/reports/" + id))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/html")
                .contains("UTF-8");
        Document html = Jsoup.parse(view.body());
        assertThat(html.select("h1").text()).isEqualTo("2022年度部门整体支出绩效自评报告");
        assertThat(html.select("article h2").eachText())
                .startsWith("一、单位基本情况", "二、预算支出及绩效情况", "三、存在的问题及改进措施", "四、其他需要说明的情况");
        assertThat(html.select("article").text()).contains("较预算增加641.82万元").contains("22.07%");
        assertThat(html.select("section.attachment table"))
                .hasSize(sample().get("projects").size());
        assertThat(html.select("section.attachment table tr:has(th:containsOwn(总分)) td")
                        .eachText())
                .contains("94.75");
        assertThat(html.select("div.signature p").eachText()).containsExactly(XZSP_NAME, chineseDate(publishedOn(id)));
        assertThat(html.select("nav a").eachAttr("href")).contains("/public/reports/" + id + "/document");

        // The .docx says the same 落款.
        String xml = WordprocessingMLPackage.load(new ByteArrayInputStream(
                        download(null, "/public/reports/" + id + "/document").body()))
                .getMainDocumentPart()
                .getXML();
        assertThat(xml).contains(chineseDate(publishedOn(id)));
    }

    @Test
    void thePdfOfAPublishedReportIsConvertedOnceThenServedFromTheCache() throws Exception {
        requireLibreOffice();
        String id = publishedReport();
        assertThat(page().body()).contains("/public/reports/" + id + "/pdf").doesNotContain("未安装 LibreOffice");

        long before = pdfs.conversions();
        long start = System.nanoTime();
        HttpResponse<byte[]> first = download(null, "/public/reports/" + id + "/pdf");
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(first.statusCode())
                .as(new String(first.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(first.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment")
                .contains("filename*=UTF-8''2022")
                .endsWith(".pdf");
        assertThat(new String(first.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdfs.conversions()).isEqualTo(before + 1);

        start = System.nanoTime();
        HttpResponse<byte[]> second = download(null, "/public/reports/" + id + "/pdf");
        long secondMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(pdfs.conversions()).as("the second request converts nothing").isEqualTo(before + 1);
        System.out.printf(
                "[pdf] first request (conversion%s) %d ms, second (cached) %d ms, %d bytes%n",
                before == 0 ? " incl. LibreOffice start" : "", firstMs, secondMs, first.body().length);

        String text = pdfText(first.body());
        if (text != null) {
            assertThat(text)
                    .contains("2022年度部门整体支出绩效自评报告")
                    .contains(XZSP_NAME)
                    .contains("94.75")
                    .contains(chineseDate(publishedOn(id)));
        }
    }

    @Test
    void nothingUnpublishedIsReachableByAnyId() throws Exception {
        String drafting = startReport("clerk", sample());
        String inReview = reportInInternalReview();

        String page = page().body();
        assertThat(page).doesNotContain(drafting).doesNotContain(inReview);
        for (String id : new String[] {drafting, inReview, "no-such-id", "../api/reports"}) {
            HttpResponse<byte[]> guess = download(null, "/public/reports/" + id + "/document");
            assertThat(guess.statusCode()).as(id).isIn(400, 404);
            assertThat(new String(guess.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("衡山县行政审批服务局");
        }
        long conversions = pdfs.conversions();
        for (String id : new String[] {drafting, inReview, "no-such-id"}) {
            for (String path : new String[] {"/public/reports/" + id, "/public/reports/" + id + "/pdf"}) {
                HttpResponse<byte[]> guess = download(null, path);
                String body = new String(guess.body(), StandardCharsets.UTF_8);
                assertThat(guess.statusCode()).as(path).isEqualTo(404);
                assertThat(guess.headers().firstValue("Content-Type").orElse(""))
                        .as(path)
                        .startsWith("text/html");
                assertThat(body)
                        .as(path)
                        .contains("报告不存在或尚未公开")
                        .doesNotContain(XZSP_NAME)
                        .doesNotContain("Exception");
            }
        }
        assertThat(pdfs.conversions())
                .as("nothing converted for unpublished reports")
                .isEqualTo(conversions);
    }

    @Test
    void theDocumentApiNeedsLoginAndShowsADraftBeforePublication() throws Exception {
        String id = reportInInternalReview();
        assertThat(download(null, "/api/reports/" + id + "/document").statusCode())
                .isEqualTo(401);
        assertThat(download("clerk2", "/api/reports/" + id + "/document").statusCode())
                .isEqualTo(404);
        assertThat(download("finance", "/api/reports/" + id + "/document").statusCode())
                .as("not yet received")
                .isEqualTo(404);

        HttpResponse<byte[]> preview = download("leader", "/api/reports/" + id + "/document");
        assertThat(preview.statusCode()).isEqualTo(200);
        var pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(preview.body()));
        String headers = pkg.getParts().getParts().entrySet().stream()
                .filter(e -> e.getKey().getName().contains("header"))
                .map(e -> new String(((org.docx4j.openpackaging.parts.JaxbXmlPart<?>) e.getValue()).getXML()))
                .reduce("", String::concat);
        assertThat(headers).contains("草稿");
        assertThat(preview.headers().firstValue("Content-Disposition").orElse(""))
                .contains("filename*=UTF-8''");
    }
}
