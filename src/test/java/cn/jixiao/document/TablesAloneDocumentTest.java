package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.grading.DmnGradeTable;
import cn.jixiao.scoring.EvaluationJson;
import cn.jixiao.scoring.ReportEvaluator;
import cn.jixiao.scoring.ScoringSettings;
import cn.jixiao.scoring.TemplateCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.docx4j.wml.P;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report of the 项目支出绩效自评表 alone ({@code "scope": "projects"}, issue 18): a title page and the tables, each on a
 * page of its own, and no chapter of the department report. The published Sichuan tables of src/test/resources/tables.
 */
class TablesAloneDocumentTest {

    private static ObjectNode report;
    private static Docx docx;

    static ObjectNode table(String name) {
        try (InputStream in = TablesAloneDocumentTest.class.getResourceAsStream("/tables/" + name)) {
            return (ObjectNode) Fixtures.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode evaluate(JsonNode report) {
        ReportEvaluator evaluator =
                new ReportEvaluator(TemplateCatalog.builtIn(ScoringSettings.defaults()), new DmnGradeTable());
        return EvaluationJson.toJson(evaluator.evaluate(report), Fixtures.MAPPER);
    }

    @BeforeAll
    static void renderTheSichuanTables() {
        report = table("sichuan-free-split-2023.json");
        docx = Docx.load(Fixtures.render(report, evaluate(report), DocumentOptions.finalCopy(Fixtures.DATE)));
    }

    @Test
    void aTitlePageThenOneTableAPageAndNoDepartmentChapter() {
        List<String> texts = docx.paragraphTexts();
        assertThat(texts.get(0)).isEqualTo("2023年度项目支出绩效自评表");
        assertThat(Docx.styleOf(docx.paragraphs().get(0))).isEqualTo(DocStyles.TITLE);
        assertThat(texts.get(1)).isEqualTo(report.at("/unit/name").asText());
        assertThat(texts.get(2)).isEqualTo("本单位2023年度项目支出绩效自评表共2张：");
        assertThat(texts.get(3)).startsWith("表1　2023年度").endsWith("预算支出绩效自评表");
        assertThat(docx.textsOfStyles(DocStyles.HEADING1, DocStyles.HEADING2, DocStyles.HEADING3))
                .as("no department chapter")
                .isEmpty();
        assertThat(docx.bodyText()).doesNotContain("单位基本情况", "预算支出及绩效情况", "存在的问题及改进措施", "其他需要说明的情况", "附件");
        assertThat(docx.textsOfStyles(DocStyles.ATTACHMENT_LABEL)).containsExactly("表1", "表2");
        assertThat(docx.paragraphs().stream()
                        .filter(p -> DocStyles.ATTACHMENT_LABEL.equals(Docx.styleOf(p)))
                        .map(P::getPPr)
                        .allMatch(ppr -> ppr.getPageBreakBefore() != null))
                .as("each table on a page of its own")
                .isTrue();
        assertThat(docx.tables()).hasSize(2);
        // The 落款 on the title page, before the first table.
        assertThat(docx.textsOfStyles(DocStyles.SIGNATURE)).contains("2023年3月15日");
    }

    @Test
    void theTablesCarryTheScoresOfTheSichuanTemplate() {
        assertThat(Docx.text(docx.tables().get(0))).contains("100.00").contains("优");
        assertThat(Docx.text(docx.tables().get(1))).contains("99.88");
    }

    @Test
    void theFileIsNamedForTheTables() {
        assertThat(ReportDocument.fileName(report))
                .isEqualTo("2023年度" + report.at("/unit/name").asText() + "项目支出绩效自评表.docx");
        ObjectNode department = Fixtures.corrected();
        assertThat(ReportDocument.fileName(department)).endsWith("部门整体支出绩效自评报告.docx");
        department.put("scope", "department");
        assertThat(ReportDocument.fileName(department)).endsWith("部门整体支出绩效自评报告.docx");
    }

    @Test
    void aDepartmentReportNamingItsScopeIsTheSameDocument() {
        ObjectNode plain = Fixtures.corrected();
        ObjectNode named = plain.deepCopy().put("scope", "department");
        assertThat(ReportContent.of(named, evaluate(named), Fixtures.DATE))
                .isEqualTo(ReportContent.of(plain, evaluate(plain), Fixtures.DATE));
    }
}
