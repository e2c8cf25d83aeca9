package cn.jixiao.web;

import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import cn.jixiao.workflow.ReportDocuments;
import cn.jixiao.workflow.ReportEntry;
import cn.jixiao.workflow.ReportIndex;
import cn.jixiao.workflow.ReportService;
import cn.jixiao.workflow.Stage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Public disclosure without login: the published reports by 年度 and 单位, with 总分, 等级, 公开日期 and the
 * document. Only published reports exist here; any other id is 404, as if it did not exist.
 */
@RestController
public class PublicReportController {

  private static final ReportIndex.Visibility EVERYTHING = new ReportIndex.Visibility(true, List.of(), false);

  private final ReportService reports;
  private final ReportDocuments documents;
  private final UnitService units;

  public PublicReportController(ReportService reports, ReportDocuments documents, UnitService units) {
    this.reports = reports;
    this.documents = documents;
    this.units = units;
  }

  @GetMapping(path = "/public/reports", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public String list(@RequestParam(required = false) Integer fiscalYear, @RequestParam(required = false) String unit) {
    Map<String, String> names = units.all().stream().collect(Collectors.toMap(Unit::code, Unit::name));
    List<ReportEntry> published = reports.list(fiscalYear, unit, Stage.PUBLISHED, EVERYTHING);
    StringBuilder rows = new StringBuilder();
    for (ReportEntry entry : published) {
      JsonNode evaluation = reports.find(entry.id()).map(r -> r.evaluation()).orElse(null);
      rows.append("<tr><td>").append(entry.fiscalYear()).append("</td><td>")
          .append(escape(names.getOrDefault(entry.unitCode(), entry.unitCode()))).append("</td><td>")
          .append(scores(evaluation, p -> p.path("totalScore").asText("—"))).append("</td><td>")
          .append(scores(evaluation, p -> p.path("grade").isNull() ? "—" : p.path("grade").asText("—"))).append("</td><td>")
          .append(entry.publishedOn() == null ? "" : entry.publishedOn()).append("</td><td><a href=\"/public/reports/")
          .append(escape(entry.id())).append("/document\">下载</a></td></tr>\n");
    }
    return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>部门整体支出绩效自评报告公开</title>
        <style>
          body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 960px; padding: 1em; color: #222; }
          h1 { font-size: 1.4em; } table { border-collapse: collapse; width: 100%%; }
          th, td { border-bottom: 1px solid #ddd; padding: .5em; text-align: left; }
          th { background: #f3f5f7; } form { margin: 1em 0; } input { padding: .3em; width: 8em; }
          @media (max-width: 600px) { th:nth-child(5), td:nth-child(5) { display: none; } }
        </style></head><body>
        <h1>部门整体支出绩效自评报告公开</h1>
        <form method="get">年度 <input name="fiscalYear" inputmode="numeric" value="%s"> 单位编码 <input name="unit" value="%s"> <button type="submit">查询</button></form>
        <table><thead><tr><th>年度</th><th>单位</th><th>总分</th><th>等级</th><th>公开日期</th><th>报告</th></tr></thead>
        <tbody>
        %s</tbody></table>
        %s
        </body></html>
        """.formatted(fiscalYear == null ? "" : fiscalYear, unit == null ? "" : escape(unit), rows,
        published.isEmpty() ? "<p>暂无已公开的报告。</p>" : "");
  }

  @GetMapping("/public/reports/{id}/document")
  public ResponseEntity<byte[]> document(@PathVariable String id) {
    boolean isPublished = reports.entry(id).map(e -> Stage.PUBLISHED.equals(e.stage())).orElse(false);
    if (!isPublished) {
      throw new ApiException(HttpStatus.NOT_FOUND, "报告不存在或尚未公开");
    }
    return DocumentController.asDownload(documents.published(id).orElseThrow(ApiException::notFound));
  }

  /** One value per project (a report may have several 自评表), joined. */
  private static String scores(JsonNode evaluation, Function<JsonNode, String> value) {
    if (evaluation == null || !evaluation.path("projects").isArray() || evaluation.path("projects").isEmpty()) {
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
