package cn.jixiao.web;

import cn.jixiao.pdf.OfficeConverter;
import cn.jixiao.pdf.PdfUnavailableException;
import cn.jixiao.pdf.PublishedPdfs;
import cn.jixiao.reading.ReportPage;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.record.ReportRecord;
import cn.jixiao.record.Stage;
import cn.jixiao.unit.UnitService;
import cn.jixiao.workflow.Corrections;
import cn.jixiao.workflow.ReportDocuments;
import cn.jixiao.workflow.ReportDocuments.Docx;
import cn.jixiao.workflow.ReportService;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Public disclosure without login: the published reports by 年度 and 单位, with 总分, 等级, 公开日期, each to read
 * online (HTML) or to download as .docx and, where LibreOffice is installed, as PDF. Only published reports exist
 * here; any other id is 404, as if it did not exist — a report taken off for a correction (更正中) too, until it is
 * published again, then with 已更正 and both dates.
 */
@RestController
class PublicReportController {

    private static final String NOT_PUBLISHED = "报告不存在或尚未公开";
    private static final ReportIndex.Visibility EVERYTHING = new ReportIndex.Visibility(true, List.of(), false);

    private final ReportService reports;
    private final ReportDocuments documents;
    private final UnitService units;
    private final OfficeConverter converter;
    private final PublishedPdfs pdfs;
    private final String publisher;

    PublicReportController(
            ReportService reports,
            ReportDocuments documents,
            UnitService units,
            OfficeConverter converter,
            PublishedPdfs pdfs,
            @org.springframework.beans.factory.annotation.Value(
                            "${jixiao.public.publisher:${jixiao.finance-group-name:财政局}}")
                    String publisher) {
        this.reports = reports;
        this.documents = documents;
        this.units = units;
        this.converter = converter;
        this.pdfs = pdfs;
        this.publisher = publisher;
    }

    /**
     * The list a county puts on its website: the issuing body at the top, search by 年度 and by 单位 (name or code),
     * readable on a phone (each report a block of labelled lines below 600 px). A year that is not a year gets a
     * Chinese message on the same page, never an error of the framework.
     */
    @GetMapping(path = "/public/reports", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    public ResponseEntity<String> list(
            @RequestParam(required = false) String fiscalYear, @RequestParam(required = false) String unit) {
        String yearText = fiscalYear == null ? "" : fiscalYear.trim();
        String unitText = unit == null ? "" : unit.trim();
        Integer year = null;
        String problem = null;
        if (!yearText.isEmpty()) {
            if (yearText.matches("\\d{4}")) {
                year = Integer.valueOf(yearText);
            } else {
                problem = "「年度」应为四位数字的年份，如 2022（实填" + yearText + "）";
            }
        }
        List<ReportEntry> all = problem != null ? List.of() : reports.list(year, null, Stage.PUBLISHED, EVERYTHING);
        // Names of the published reports' units only, not the whole register (a province has 10,000 units).
        Map<String, String> names =
                units.names(all.stream().map(ReportEntry::unitCode).collect(Collectors.toSet()));
        List<ReportEntry> published = all.stream()
                .filter(e -> unitText.isEmpty()
                        || e.unitCode().equals(unitText)
                        || names.getOrDefault(e.unitCode(), "").contains(unitText))
                .toList();
        String pdfUnavailable = converter.unavailable().orElse(null);
        StringBuilder rows = new StringBuilder();
        for (ReportEntry entry : published) {
            JsonNode evaluation =
                    reports.find(entry.id()).map(r -> r.evaluation()).orElse(null);
            rows.append("<tr><td data-label=\"年度\">")
                    .append(entry.fiscalYear())
                    .append("</td><td data-label=\"单位\">")
                    .append(escape(names.getOrDefault(entry.unitCode(), entry.unitCode())))
                    .append("</td><td data-label=\"总分\">")
                    .append(scores(evaluation, p -> p.path("totalScore").asText("—")))
                    .append("</td><td data-label=\"等级\">")
                    .append(scores(
                            evaluation,
                            p -> p.path("grade").isNull()
                                    ? "—"
                                    : p.path("grade").asText("—")))
                    .append("</td><td data-label=\"公开日期\">")
                    .append(escape(Corrections.publicationDates(entry)).replace("\n", "<br>"))
                    .append("</td><td data-label=\"报告\">")
                    .append(links(entry.id(), pdfUnavailable == null))
                    .append("</td></tr>\n");
        }
        String note = problem != null
                ? "<p class=\"problem\">" + escape(problem) + "</p>"
                : published.isEmpty() ? "<p>暂无符合条件的已公开报告。</p>" : "";
        if (pdfUnavailable != null) {
            note += "<p class=\"pdf-note\">" + escape(pdfUnavailable) + "</p>";
        }
        String page =
                """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s 部门整体支出绩效自评报告公开</title>
        <style>
          body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 960px; padding: 1em; color: #222; }
          .issuer { color: #a00; font-size: 1.1em; margin: 0; } h1 { font-size: 1.4em; margin-top: .2em; }
          table { border-collapse: collapse; width: 100%%; }
          th, td { border-bottom: 1px solid #ddd; padding: .5em; text-align: left; }
          th { background: #f3f5f7; } form { margin: 1em 0; } input { padding: .3em; width: 9em; }
          .problem { color: #a94442; background: #f2dede; padding: .6em; } .pdf-note { color: #8a6d3b; }
          td[data-label="报告"] a { margin-right: .8em; white-space: nowrap; }
          @media (max-width: 600px) {
            thead { display: none; } tr { display: block; border: 1px solid #ddd; margin: .6em 0; padding: .3em; }
            td { display: flex; flex-wrap: wrap; border: none; padding: .25em .4em; } td::before { content: attr(data-label); width: 5em; flex: none; color: #666; }
            input { width: 100%%; box-sizing: border-box; margin: .2em 0; }
          }
        </style></head><body>
        <p class="issuer">%s</p>
        <h1>部门整体支出绩效自评报告公开</h1>
        <form method="get"><label>年度 <input name="fiscalYear" inputmode="numeric" value="%s"></label>
        <label>单位名称或编码 <input name="unit" value="%s"></label> <button type="submit">查询</button></form>
        %s
        <table><thead><tr><th>年度</th><th>单位</th><th>总分</th><th>等级</th><th>公开日期</th><th>报告</th></tr></thead>
        <tbody>
        %s</tbody></table>
        </body></html>
        """.formatted(escape(publisher), escape(publisher), escape(yearText), escape(unitText), note, rows);
        return ResponseEntity.status(problem == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(page);
    }

    @GetMapping("/public/reports/{id}/document")
    public ResponseEntity<byte[]> document(@PathVariable String id) {
        if (!isPublished(id)) {
            throw new ApiException(HttpStatus.NOT_FOUND, NOT_PUBLISHED);
        }
        return DocumentController.asDownload(documents.published(id).orElseThrow(ApiException::notFound));
    }

    /**
     * The published report to read online: the same headings, figures, 自评表 and 落款 as its .docx, built from the same
     * content ({@link ReportPage}); a Chinese 404 page for anything not published.
     */
    @GetMapping("/public/reports/{id}")
    public ResponseEntity<String> read(@PathVariable String id) {
        Optional<ReportRecord> record = isPublished(id) ? reports.find(id) : Optional.empty();
        if (record.isEmpty()) {
            return ErrorPages.page(404, NOT_PUBLISHED);
        }
        String base = "/public/reports/" + record.get().id();
        String pdfUnavailable = converter.unavailable().orElse(null);
        String page = ReportPage.render(
                documents.publishedContent(record.get()),
                new ReportPage.Links(
                        "/public/reports",
                        base + "/document",
                        pdfUnavailable == null ? base + "/pdf" : null,
                        pdfUnavailable));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page);
    }

    /**
     * The published report as PDF, converted from its published .docx by LibreOffice once and then kept
     * ({@link PublishedPdfs}). A Chinese 404 page for anything not published; a Chinese 503 page when no PDF can be made
     * here (LibreOffice not installed, switched off, or failing).
     */
    @GetMapping("/public/reports/{id}/pdf")
    public ResponseEntity<?> pdf(@PathVariable String id) {
        Optional<Docx> docx = isPublished(id) ? documents.published(id) : Optional.empty();
        if (docx.isEmpty()) {
            return ErrorPages.page(404, NOT_PUBLISHED);
        }
        try {
            PublishedPdfs.Pdf pdf =
                    pdfs.of(id, docx.get().fileName(), docx.get().content());
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(pdf.fileName(), StandardCharsets.UTF_8)
                                    .build()
                                    .toString())
                    .body(pdf.content());
        } catch (PdfUnavailableException e) {
            return ErrorPages.page(503, e.getMessage());
        }
    }

    private boolean isPublished(String id) {
        return reports.entry(id).map(e -> Stage.PUBLISHED.equals(e.stage())).orElse(false);
    }

    /** 在线阅读, 下载 Word and, where LibreOffice is, 下载 PDF of one published report. */
    private static String links(String id, boolean withPdf) {
        String base = "/public/reports/" + escape(id);
        return "<a href=\"" + base + "\">在线阅读</a><a href=\"" + base + "/document\">下载 Word</a>"
                + (withPdf ? "<a href=\"" + base + "/pdf\">下载 PDF</a>" : "");
    }

    /** One value per project (a report may have several 自评表), joined. */
    private static String scores(JsonNode evaluation, Function<JsonNode, String> value) {
        if (evaluation == null
                || !evaluation.path("projects").isArray()
                || evaluation.path("projects").isEmpty()) {
            return "—";
        }
        List<String> parts = new java.util.ArrayList<>();
        evaluation.path("projects").forEach(p -> parts.add(escape(value.apply(p))));
        return String.join("<br>", parts);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
