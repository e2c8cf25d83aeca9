package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.junit.jupiter.api.Test;

/** Publication seen from outside: the public page, its downloads, and the document API. */
class PublicPagesHttpTest extends HttpTestSupport {

  private static final HttpClient BYTES = HttpClient.newHttpClient();

  private HttpResponse<byte[]> download(String user, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
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
    return BYTES.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/reports" + query))
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
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

  @Test
  void publishedReportIsListedAndDownloadableWithoutLogin() throws Exception {
    String id = publishedReport();

    HttpResponse<String> page = page();
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("部门整体支出绩效自评报告公开").contains("衡山县行政审批服务局").contains("94.75")
        .contains("优").contains("/public/reports/" + id + "/document");

    HttpResponse<byte[]> docx = download(null, "/public/reports/" + id + "/document");
    assertThat(docx.statusCode()).isEqualTo(200);
    assertThat(docx.headers().firstValue("Content-Type").orElse(""))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''2022");
    String xml = WordprocessingMLPackage.load(new ByteArrayInputStream(docx.body())).getMainDocumentPart().getXML();
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

    String byName = page("?unit=" + java.net.URLEncoder.encode("行政审批", java.nio.charset.StandardCharsets.UTF_8)).body();
    assertThat(byName).contains("/public/reports/" + id + "/document");
    String other = page("?unit=" + java.net.URLEncoder.encode("教育局", java.nio.charset.StandardCharsets.UTF_8)).body();
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
  void nothingUnpublishedIsReachableByAnyId() throws Exception {
    String drafting = startReport("clerk", sample());
    String inReview = reportInInternalReview();

    String page = page().body();
    assertThat(page).doesNotContain(drafting).doesNotContain(inReview);
    for (String id : new String[] {drafting, inReview, "no-such-id", "../api/reports"}) {
      HttpResponse<byte[]> guess = download(null, "/public/reports/" + id + "/document");
      assertThat(guess.statusCode()).as(id).isIn(400, 404);
      assertThat(new String(guess.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("衡山县行政审批服务局");
    }
  }

  @Test
  void theDocumentApiNeedsLoginAndShowsADraftBeforePublication() throws Exception {
    String id = reportInInternalReview();
    assertThat(download(null, "/api/reports/" + id + "/document").statusCode()).isEqualTo(401);
    assertThat(download("clerk2", "/api/reports/" + id + "/document").statusCode()).isEqualTo(404);
    assertThat(download("finance", "/api/reports/" + id + "/document").statusCode()).as("not yet received").isEqualTo(404);

    HttpResponse<byte[]> preview = download("leader", "/api/reports/" + id + "/document");
    assertThat(preview.statusCode()).isEqualTo(200);
    var pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(preview.body()));
    String headers = pkg.getParts().getParts().entrySet().stream()
        .filter(e -> e.getKey().getName().contains("header"))
        .map(e -> new String(((org.docx4j.openpackaging.parts.JaxbXmlPart<?>) e.getValue()).getXML()))
        .reduce("", String::concat);
    assertThat(headers).contains("草稿");
    assertThat(preview.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''");
  }
}
