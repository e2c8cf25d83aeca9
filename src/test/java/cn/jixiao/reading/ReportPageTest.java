package cn.jixiao.reading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.document.Block;
import cn.jixiao.document.ReportContent;
import cn.jixiao.grading.DmnGradeTable;
import cn.jixiao.scoring.EvaluationJson;
import cn.jixiao.scoring.ReportEvaluator;
import cn.jixiao.scoring.ScoringSettings;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML reading view, read back with jsoup as a browser would: same headings, figures, 自评表 and 落款 as the .docx. */
class ReportPageTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final ReportEvaluator EVALUATOR =
            new ReportEvaluator(ScoringSettings.defaults(), new DmnGradeTable());
    private static final ReportPage.Links LINKS =
            new ReportPage.Links("/public/reports", "/public/reports/42/document", "/public/reports/42/pdf", null);
    private static final LocalDate DATE = LocalDate.of(2023, 3, 15);

    private static ObjectNode report;
    private static Document page;

    @BeforeAll
    static void renderCorrectedSample() throws IOException {
        report = corrected();
        page = Jsoup.parse(ReportPage.render(ReportContent.of(report, evaluate(report), DATE), LINKS));
    }

    @Test
    void headingsAreThoseOfTheDocumentInOrder() {
        assertThat(page.select("h1").text()).isEqualTo("2022年度部门整体支出绩效自评报告");
        assertThat(page.select("p.unit").text()).isEqualTo("衡山县行政审批服务局");
        assertThat(page.select("article h2, article h3, article h4").eachText())
                .containsExactly(
                        "一、单位基本情况",
                        "(一)部门主要职责",
                        "(二)人员编制情况",
                        "二、预算支出及绩效情况",
                        "(一)部门预决算情况",
                        "1.部门预算情况",
                        "2.部门决算情况(含年中预算追加情况)",
                        "3.“三公”经费执行情况",
                        "4.政府采购执行情况",
                        "5.资产管理情况",
                        "(二)资金使用及绩效情况",
                        "1.整体绩效目标完成情况",
                        "2.项目绩效目标完成情况",
                        "三、存在的问题及改进措施",
                        "四、其他需要说明的情况",
                        "2022年度预算支出绩效自评表");
        assertThat(page.select("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(page.title()).contains("衡山县行政审批服务局").contains("2022年度部门整体支出绩效自评报告");
    }

    @Test
    void derivedFiguresAreTheDocumentsComputedOnes() {
        String text = page.select("article").text();
        assertThat(text)
                .contains("较预算增加641.82万元")
                .contains("22.07%")
                .contains("77.93%")
                .contains("资产使用率100%");
        // Every paragraph of the .docx's content is on the page, in order.
        List<String> paragraphs = ReportContent.of(report, evaluate(report), DATE).stream()
                .filter(Block.Paragraph.class::isInstance)
                .map(b -> ((Block.Paragraph) b).text())
                .toList();
        assertThat(page.select("article > p:not(.unit)").eachText()).containsExactlyElementsOf(paragraphs);
    }

    @Test
    void eachProjectHasItsSelfEvaluationTableWithMergedCellsAndScores() {
        Elements tables = page.select("section.attachment table");
        assertThat(tables).hasSize(report.get("projects").size());
        Element table = tables.first();
        assertThat(table.parent().hasClass("table-box"))
                .as("the table scrolls in its own box")
                .isTrue();
        assertThat(table.select("colgroup col")).hasSize(10);
        // Rows of the 自评表, each indicator a row.
        JsonNode project = report.get("projects").get(0);
        Element indicatorsHead = table.select("th:containsOwn(绩效指标)").first();
        assertThat(indicatorsHead.attr("rowspan"))
                .isEqualTo(String.valueOf(1 + project.get("indicators").size()));
        for (JsonNode indicator : project.get("indicators")) {
            assertThat(table.select("td").eachText())
                    .as("三级指标")
                    .contains(indicator.get("name").asText());
        }
        assertThat(table.select("th:containsOwn(项目支出名称) + td").text())
                .isEqualTo(project.get("name").asText());
        Element total = table.select("tr:has(th:containsOwn(总分))").first();
        assertThat(total.select("td").eachText()).startsWith("100", "94.75");
        assertThat(table.select("tr:has(th:containsOwn(等级)) td").text()).isEqualTo("优");
        assertThat(table.select("tr:has(td:containsOwn(年度资金总额))").text())
                .isEqualTo("年度资金总额 400 400 390 10 97.50% 9.75");
        // Every row covers the ten grid columns, counting the cells merged into it from above.
        int[] covered = new int[table.select("tr").size()];
        Elements rows = table.select("tr");
        for (int r = 0; r < rows.size(); r++) {
            for (Element cell : rows.get(r).children()) {
                int span = cell.hasAttr("colspan") ? Integer.parseInt(cell.attr("colspan")) : 1;
                int down = cell.hasAttr("rowspan") ? Integer.parseInt(cell.attr("rowspan")) : 1;
                for (int k = 0; k < down; k++) {
                    covered[r + k] += span;
                }
            }
        }
        assertThat(covered).containsOnly(10);
    }

    /** A published Sichuan table (issue 18): the optional fields are where the .docx puts them, in the same grid. */
    @Test
    void thePublishedTablesOptionalFieldsShowAsInTheDocument() throws IOException {
        ObjectNode sichuan;
        try (InputStream in = ReportPageTest.class.getResourceAsStream("/tables/sichuan-free-split-2023.json")) {
            sichuan = (ObjectNode) MAPPER.readTree(in);
        }
        Document published = Jsoup.parse(ReportPage.render(ReportContent.of(sichuan, evaluate(sichuan), DATE), LINKS));
        Element table = published.select("section.attachment table").first();

        assertThat(table.select("tr:has(th:containsOwn(年初预算数)) th").eachText())
                .containsExactly("项目资金 (万元)", "年初预算数", "全年预算数", "调整后预算数", "全年执行数", "分值", "执行率", "得分");
        assertThat(table.select("th:containsOwn(项目资金)").attr("rowspan")).isEqualTo("9");
        assertThat(table.select("tr:has(td:containsOwn(年度资金总额))").text())
                .isEqualTo("年度资金总额 0 3.36 3.36 3.36 10 100.00% 10");
        assertThat(table.select("tr:has(td:containsOwn(财政专户管理资金))").text()).isEqualTo("财政专户管理资金 0 0 0 0");
        assertThat(table.select("tr:has(th:containsOwn(单位填报))").first().text()).isEqualTo("单位填报 100% 10");
        assertThat(table.select("tr:has(th:containsOwn(预算调整原因)) td").text()).isEqualTo("年中追加安可替代补助资金3.36万元。（摘要）");
        assertThat(table.select("tr:has(td:containsOwn(完成安可产品购买并按要求支付资金))").text())
                .contains("=100% 100% 90 90");
        assertThat(table.select("tr:has(th:containsOwn(单位填报总分))").text()).isEqualTo("单位填报总分 100");
        assertThat(table.select("tr:has(th:containsOwn(评价结论)) td").text())
                .isEqualTo("2023年购买13台安可电脑，并于12月前完成资金支付。（摘要）");
        assertThat(table.select("tr:has(th:containsOwn(存在问题)) td").text()).isEqualTo("无");
        assertThat(table.select("tr:has(th:containsOwn(改进措施)) td").text()).isEqualTo("无");
    }

    @Test
    void theTextEndsWithTheSignatureRightAlignedBeforeTheAttachments() throws IOException {
        Element signature = page.selectFirst("div.signature");
        assertThat(signature.select("p").eachText()).containsExactly("衡山县行政审批服务局", "2023年3月15日");
        assertThat(signature.previousElementSibling().hasClass("attachment-note"))
                .isTrue();
        assertThat(signature.nextElementSibling().hasClass("attachment")).isTrue();
        assertThat(ReportPage.STYLE).contains(".signature { margin: 2em 0 1em; text-align: right; }");

        Document minimal = Jsoup.parse(ReportPage.render(ReportContent.of(minimal(), null, DATE), LINKS));
        Element last = minimal.selectFirst("article").children().last();
        assertThat(last.hasClass("signature"))
                .as("without projects the page ends with the 落款")
                .isTrue();
        assertThat(last.text()).isEqualTo("某某县某某局 2023年3月15日");
    }

    @Test
    void everyTextIsEscaped() throws IOException {
        ObjectNode hostile = corrected();
        String script = "<script>alert('x')</script>&\"";
        ((ObjectNode) hostile.get("unit")).put("name", script);
        ((ObjectNode) hostile.get("projects").get(0)).put("name", script);
        hostile.put("otherNotes", "<img src=x onerror=alert(1)>");
        String html = ReportPage.render(
                ReportContent.of(hostile, null, DATE), new ReportPage.Links("/l\"><script>", "/d", null, "暂不提供 <PDF>"));
        assertThat(html)
                .doesNotContain("<script>")
                .doesNotContain("<img")
                .doesNotContain("/l\">")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("暂不提供 &lt;PDF&gt;");
        Document parsed = Jsoup.parse(html);
        assertThat(parsed.select("script, img")).isEmpty();
        assertThat(parsed.select("p.unit").text()).isEqualTo(script);
    }

    @Test
    void linksOfferWordAndPdfOrSayWhyThereIsNoPdf() {
        assertThat(page.select("nav a").eachAttr("href"))
                .containsExactly("/public/reports", "/public/reports/42/document", "/public/reports/42/pdf");
        assertThat(page.select("nav a").eachText()).containsExactly("返回公开列表", "下载 Word 版", "下载 PDF 版");

        Document noPdf = Jsoup.parse(ReportPage.render(
                ReportContent.of(report, null, DATE),
                new ReportPage.Links("/public/reports", "/d", null, "本站暂不提供 PDF 版")));
        assertThat(noPdf.select("nav a").eachText()).containsExactly("返回公开列表", "下载 Word 版");
        assertThat(noPdf.select("nav .note").text()).isEqualTo("本站暂不提供 PDF 版");
    }

    @Test
    void thePageIsMadeForAPhone() {
        assertThat(page.select("meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(ReportPage.STYLE).contains("overflow-x: auto").contains("overflow-wrap: anywhere");
    }

    private static ObjectNode corrected() throws IOException {
        try (InputStream in =
                ReportPageTest.class.getResourceAsStream("/examples/hengshan-approval-bureau-2022.corrected.json")) {
            return (ObjectNode) MAPPER.readTree(in);
        }
    }

    private static ObjectNode minimal() throws IOException {
        ObjectNode minimal = corrected();
        minimal.putArray("projects");
        ((ObjectNode) minimal.get("unit")).put("name", "某某县某某局");
        return minimal;
    }

    private static JsonNode evaluate(JsonNode report) {
        return EvaluationJson.toJson(EVALUATOR.evaluate(report), MAPPER);
    }
}
