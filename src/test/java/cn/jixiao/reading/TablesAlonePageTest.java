package cn.jixiao.reading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.document.ReportContent;
import cn.jixiao.grading.DmnGradeTable;
import cn.jixiao.scoring.EvaluationJson;
import cn.jixiao.scoring.ReportEvaluator;
import cn.jixiao.scoring.ScoringSettings;
import cn.jixiao.scoring.TemplateCatalog;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The public reading view of a report of the 项目支出绩效自评表 alone: the title page and the tables, no chapter. */
class TablesAlonePageTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @Test
    void theTablesAloneWithTheirTitlePage() throws IOException {
        JsonNode report;
        try (InputStream in = getClass().getResourceAsStream("/tables/sichuan-free-split-2023.json")) {
            report = MAPPER.readTree(in);
        }
        ReportEvaluator evaluator =
                new ReportEvaluator(TemplateCatalog.builtIn(ScoringSettings.defaults()), new DmnGradeTable());
        JsonNode evaluation = EvaluationJson.toJson(evaluator.evaluate(report), MAPPER);
        Document page = Jsoup.parse(ReportPage.render(
                ReportContent.of(report, evaluation, LocalDate.of(2024, 4, 1)),
                new ReportPage.Links("/public/reports", "/public/reports/7/document", null, "暂无 PDF")));

        assertThat(page.select("h1").text()).isEqualTo("2023年度项目支出绩效自评表");
        assertThat(page.title()).endsWith("2023年度项目支出绩效自评表");
        assertThat(page.select("article h3, article h4").eachText()).isEmpty();
        assertThat(page.select("section.attachment p.label").eachText()).containsExactly("表1", "表2");
        assertThat(page.select("section.attachment table")).hasSize(2);
        assertThat(page.select("article").text())
                .contains("本单位2023年度项目支出绩效自评表共2张")
                .contains("2024年4月1日")
                .doesNotContain("单位基本情况", "存在的问题及改进措施", "附件");
    }
}
