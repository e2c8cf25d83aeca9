package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import cn.jixiao.report.ReportSchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.P;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report body: order of the headings and the wording and figures of the sentences, read back with docx4j. */
class ReportDocumentTest {

    private static Docx corrected;

    @BeforeAll
    static void renderCorrectedSample() {
        ObjectNode report = Fixtures.corrected();
        corrected =
                Docx.load(Fixtures.render(report, Fixtures.evaluate(report), DocumentOptions.finalCopy(Fixtures.DATE)));
    }

    @Test
    void headingsFollowTheSampleInOrder() {
        assertThat(corrected.textsOfStyles(
                        DocStyles.HEADING1, DocStyles.HEADING2, DocStyles.HEADING3, DocStyles.ATTACHMENT_LABEL))
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
                        "附件1");
    }

    @Test
    void titleAndUnitNameComeFirst() {
        List<String> texts = corrected.paragraphTexts();
        assertThat(texts.get(0)).isEqualTo("2022年度部门整体支出绩效自评报告");
        assertThat(Docx.styleOf(corrected.paragraphs().get(0))).isEqualTo(DocStyles.TITLE);
        assertThat(texts.get(1)).isEqualTo("衡山县行政审批服务局");
        assertThat(Docx.styleOf(corrected.paragraphs().get(1))).isEqualTo(DocStyles.UNIT_NAME);
    }

    @Test
    void dutiesAreNumberedParagraphsAfterTheLead() {
        List<String> texts = corrected.paragraphTexts();
        int lead = texts.indexOf("衡山县行政审批服务局的主要职责是：");
        assertThat(lead).isPositive();
        assertThat(texts.get(lead + 1)).startsWith("（一）组织拟订全县行政审批");
        assertThat(texts.get(lead + 2)).isEqualTo("（二）指导、协调、推进全县行政审批制度改革工作。");
        assertThat(texts.get(lead + 6)).isEqualTo("（六）完成县委、县政府交办的其他任务。");
        assertThat(texts.get(lead + 7)).isEqualTo("(二)人员编制情况");
    }

    @Test
    void staffingSentenceIsBuiltFromTheFigures() {
        assertThat(corrected.paragraphTexts())
                .contains("核定衡山县行政审批服务局编制数合计14名，行政编制数3名，事业编制数10名，" + "工勤人员编制数1名。现有在职在岗在编职工14人，离退休0人，临聘人员25人。");
    }

    @Test
    void budgetSentencesCarryTheSampleNumbersAndTheDerivedOnes() {
        List<String> texts = corrected.paragraphTexts();
        assertThat(texts)
                .contains(
                        "2022年年初预算安排收入179.2万元，其中一般公共财政拨款179.2万元；2022年年初预算安排支出179.2万元，" + "其中：基本支出164.2万元，项目支出15万元。",
                        "2022年决算总收入821.02万元，较预算增加641.82万元，总支出821.17万元，其中：基本支出181.26万元，"
                                + "占总支出的22.07%；项目支出639.91万元，占总支出的77.93%。"
                                + "差异产生的主要原因是我单位在2022年标准化大综窗改革专项经费400万元。",
                        "与2021年相比，运行经费减少72.74万元，专项经费减少74万元，合计减少146.74万元。",
                        "2022年“三公”经费预算数0万元，其中：因公出国(境)费0万元，公务用车购置及运行维护费0万元，公务接待费0万元。"
                                + "“三公”经费决算数0万元，其中：因公出国(境)费0万元，公务用车购置及运行维护费0万元，公务接待费0万元。",
                        "2022年度政府采购支出56.36万元，其中：货物0万元，工程0万元，服务56.36万元。",
                        "2022年年末资产总额1190.97万元，负债总额0万元，净资产1190.97万元。截至2022年12月31日，"
                                + "固定资产账面原值1190.97万元，在用资产1190.97万元，资产使用率100%。");
    }

    @Test
    void derivedFiguresFollowTheNumbersNotTheSample() {
        ObjectNode report = Fixtures.corrected();
        ObjectNode initial = (ObjectNode) report.at("/budget/initial");
        initial.put("revenueTotal", 200);
        ObjectNode finals = (ObjectNode) report.at("/budget/finalAccounts");
        finals.put("revenueTotal", 150.5)
                .put("expenditureTotal", 150.5)
                .put("basicExpenditure", 50)
                .put("projectExpenditure", 100.5);
        finals.remove("varianceReason");
        ObjectNode threeBudget = (ObjectNode) report.at("/budget/threePublicExpenses/budget");
        threeBudget.put("overseasTravel", 1.5).put("vehicles", 2).put("officialReception", 0.25);
        ((ObjectNode) report.at("/budget/governmentProcurement"))
                .put("goods", 1.1)
                .put("works", 2.2);
        ((ObjectNode) report.at("/budget/assets"))
                .put("fixedAssetsOriginalValue", 200)
                .put("assetsInUse", 150);
        ((ObjectNode) report.at("/budget/priorYearComparison"))
                .put("operatingFundsChange", 10)
                .put("specialFundsChange", -2.5);

        String text = Docx.load(
                        Fixtures.render(report, Fixtures.evaluate(report), DocumentOptions.finalCopy(Fixtures.DATE)))
                .bodyText();

        assertThat(text)
                .contains("2022年决算总收入150.5万元，较预算减少49.5万元，总支出150.5万元，其中：基本支出50万元，"
                        + "占总支出的33.22%；项目支出100.5万元，占总支出的66.78%。\n")
                .contains("“三公”经费预算数3.75万元，其中：因公出国(境)费1.5万元，公务用车购置及运行维护费2万元，公务接待费0.25万元。")
                .contains("2022年度政府采购支出59.66万元，其中：货物1.1万元，工程2.2万元，服务56.36万元。")
                .contains("资产使用率75%。")
                .contains("与2021年相比，运行经费增加10万元，专项经费减少2.5万元，合计增加7.5万元。")
                .doesNotContain("差异产生的主要原因")
                .doesNotContain("641.82");
    }

    @Test
    void performanceAchievementsAreEnumeratedAndNarrativesSplitIntoParagraphs() {
        List<String> texts = corrected.paragraphTexts();
        assertThat(texts).contains("一是对13个主题式、套餐式场景应用落实。目前，我县已实现新生儿出生等17个主题式场景“一件事一次办”。");
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("六是“12345”工单按时办结率显著提升"));
        int heading = texts.indexOf("2.项目绩效目标完成情况");
        assertThat(texts.get(heading + 1)).startsWith("大综窗标准化改革项目，“大综窗”改革，项目预算400万元。");
        assertThat(texts.get(heading + 2)).startsWith("通过实行政务集成服务“大综窗”改革");
        assertThat(texts.get(heading + 3)).isEqualTo("三、存在的问题及改进措施");
    }

    @Test
    void problemsAreNumberedAndFollowedByTheMeasures() {
        List<String> texts = corrected.paragraphTexts();
        int heading = texts.indexOf("三、存在的问题及改进措施");
        assertThat(texts.get(heading + 1)).isEqualTo("2022年我单位预算整体支出虽然保证了单位的正常运行和职能履行，但在预算执行中还存在一些困难和问题：");
        assertThat(texts.get(heading + 2)).startsWith("（一）单位专项建设经费未在本单位年初预算中体现");
        assertThat(texts.get(heading + 5)).startsWith("（四）预算收入减少。");
        assertThat(texts.get(heading + 6)).startsWith("改进措施：为了保证预算管理的严肃性");
        assertThat(texts.get(heading + 7)).isEqualTo("四、其他需要说明的情况");
        assertThat(texts.get(heading + 8)).isEqualTo("无其他需要说明的");
    }

    @Test
    void severalMeasuresAreEnumeratedAfterTheirLead() {
        ObjectNode report = Fixtures.corrected();
        ObjectNode problems = (ObjectNode) report.get("problems");
        problems.putArray("measures").add("加强预算编制。").add("二是细化绩效目标。");
        List<String> texts = Docx.load(Fixtures.render(report, null, DocumentOptions.finalCopy(Fixtures.DATE)))
                .paragraphTexts();
        int lead = texts.indexOf("改进措施：");
        assertThat(lead).isPositive();
        assertThat(texts.subList(lead + 1, lead + 3)).containsExactly("一是加强预算编制。", "二是细化绩效目标。");
    }

    @Test
    void attachmentIsAnnouncedAndStartsOnANewPage() {
        assertThat(corrected.paragraphTexts()).contains("附件：2022年度大综窗标准化改革预算支出绩效自评表");
        var label = corrected.paragraphs().stream()
                .filter(p -> "附件1".equals(Docx.text(p)))
                .findFirst()
                .orElseThrow();
        assertThat(Docx.styleOf(label)).isEqualTo(DocStyles.ATTACHMENT_LABEL);
        assertThat(label.getPPr().getPageBreakBefore()).isNotNull();
        List<Object> blocks = corrected.blocks();
        int at = blocks.indexOf(label);
        assertThat(Docx.text(blocks.get(at + 1))).isEqualTo("2022年度预算支出绩效自评表");
        assertThat(blocks.get(at + 2)).isInstanceOf(org.docx4j.wml.Tbl.class);
    }

    @Test
    void theTextEndsWithTheSignatureRightAlignedThenComeTheAttachments() {
        List<Object> blocks = corrected.blocks();
        P label = corrected.paragraphs().stream()
                .filter(p -> "附件1".equals(Docx.text(p)))
                .findFirst()
                .orElseThrow();
        List<P> beforeAttachments = blocks.subList(0, blocks.indexOf(label)).stream()
                .filter(P.class::isInstance)
                .map(P.class::cast)
                .filter(p -> !Docx.text(p).isEmpty())
                .toList();
        P unit = beforeAttachments.get(beforeAttachments.size() - 2);
        P date = beforeAttachments.get(beforeAttachments.size() - 1);
        assertThat(Docx.text(unit)).isEqualTo("衡山县行政审批服务局");
        assertThat(Docx.text(date)).isEqualTo("2023年3月15日");
        assertThat(Docx.styleOf(unit)).isEqualTo(DocStyles.SIGNATURE);
        assertThat(Docx.styleOf(date)).isEqualTo(DocStyles.SIGNATURE);
        assertThat(Docx.text(beforeAttachments.get(beforeAttachments.size() - 3)))
                .startsWith("附件：");
        // GB/T 9704 7.3.5: right-aligned, 成文日期 four characters in from the right margin.
        assertThat(corrected.style(DocStyles.SIGNATURE).getPPr().getJc().getVal())
                .isEqualTo(JcEnumeration.RIGHT);
        assertThat(corrected.style(DocStyles.SIGNATURE).getPPr().getInd().getRightChars())
                .isEqualTo(BigInteger.valueOf(400));
    }

    @Test
    void aReportWithoutProjectsEndsWithTheSignature() {
        List<String> texts = Docx.load(
                        Fixtures.render(Fixtures.minimal(), null, DocumentOptions.finalCopy(Fixtures.DATE)))
                .paragraphTexts()
                .stream()
                .filter(t -> !t.isEmpty())
                .toList();
        assertThat(texts.subList(texts.size() - 2, texts.size())).containsExactly("某某县某某局", "2023年3月15日");
    }

    @Test
    void thePublishedCopyIsDatedItsPublicationDateAndADraftTheDayItIsMade() {
        ObjectNode report = Fixtures.corrected();
        Docx published = Docx.load(Fixtures.render(report, null, DocumentOptions.finalCopy(LocalDate.of(2023, 3, 10))));
        assertThat(published.textsOfStyles(DocStyles.SIGNATURE)).containsExactly("", "衡山县行政审批服务局", "2023年3月10日");
        Docx draft = Docx.load(Fixtures.render(report, null, DocumentOptions.reviewCopy(LocalDate.of(2024, 12, 1))));
        assertThat(draft.textsOfStyles(DocStyles.SIGNATURE)).containsExactly("", "衡山县行政审批服务局", "2024年12月1日");
    }

    @Test
    void aCopyWithoutADateIsRefused() {
        assertThatNullPointerException()
                .isThrownBy(() -> DocumentOptions.finalCopy(null))
                .withMessageContaining("落款");
        assertThatNullPointerException().isThrownBy(() -> DocumentOptions.reviewCopy(null));
    }

    @Test
    void fileNameNamesYearAndUnit() {
        assertThat(ReportDocument.fileName(Fixtures.corrected())).isEqualTo("2022年度衡山县行政审批服务局部门整体支出绩效自评报告.docx");
        ObjectNode odd = Fixtures.minimal();
        ((ObjectNode) odd.get("unit")).put("name", "A/B:局");
        assertThat(ReportDocument.fileName(odd)).isEqualTo("2023年度A_B_局部门整体支出绩效自评报告.docx");
    }

    @Test
    void minimalReportRendersWithEmptyListsAndNoOptionalFields() {
        ObjectNode report = Fixtures.minimal();
        assertThat(ReportSchemaValidator.fromClasspath(Fixtures.MAPPER).validate(report))
                .isEmpty();

        byte[] bytes = Fixtures.render(report, Fixtures.evaluate(report), DocumentOptions.reviewCopy(Fixtures.DATE));

        Docx docx = Docx.load(bytes);
        assertThat(docx.tables()).isEmpty();
        assertThat(docx.textsOfStyles(DocStyles.HEADING1))
                .containsExactly("一、单位基本情况", "二、预算支出及绩效情况", "三、存在的问题及改进措施", "四、其他需要说明的情况");
        assertThat(docx.paragraphTexts())
                .contains(
                        "核定某某县某某局编制数合计5名。现有在职在岗在编职工4人。",
                        "2023年年初预算安排收入100万元；2023年年初预算安排支出100万元，其中：基本支出100万元，项目支出0万元。",
                        "2023年决算总收入90.5万元，较预算减少9.5万元，总支出90.5万元，其中：基本支出90.5万元，占总支出的100%；" + "项目支出0万元，占总支出的0%。",
                        "2023年年末资产总额10万元，负债总额0万元，净资产10万元。",
                        "一是完成年度工作任务。");
        List<String> texts = docx.paragraphTexts();
        assertThat(texts.get(texts.indexOf("2.项目绩效目标完成情况") + 1)).isEqualTo("无。");
        assertThat(texts.get(texts.indexOf("三、存在的问题及改进措施") + 1)).isEqualTo("无。");
        assertThat(texts.get(texts.indexOf("四、其他需要说明的情况") + 1)).isEqualTo("无。");
        assertThat(docx.bodyText()).doesNotContain("附件").doesNotContain("资产使用率").doesNotContain("与2022年相比");
    }

    @Test
    void minimalProjectWithoutOptionalFundLinesRendersBlankCells() {
        ObjectNode report = Fixtures.minimal();
        ObjectNode project = report.withArray("projects").addObject().put("name", "某项目");
        ObjectNode funds = project.putObject("funds").put("weight", 10);
        funds.putObject("total").put("initialBudget", 0).put("annualBudget", 0).put("executed", 0);
        project.putObject("annualGoal").put("expected", "目标").put("actual", "完成");
        project.putArray("indicators")
                .addObject()
                .put("level1", "效益指标")
                .put("level2", "社会效益指标")
                .put("name", "影响")
                .put("weight", 90)
                .put("score", 80);
        assertThat(ReportSchemaValidator.fromClasspath(Fixtures.MAPPER).validate(report))
                .isEmpty();

        Docx docx =
                Docx.load(Fixtures.render(report, Fixtures.evaluate(report), DocumentOptions.finalCopy(Fixtures.DATE)));

        var table = docx.tables().get(0);
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "主管部门"))).containsExactly("主管部门", "", "实施单位", "某某县某某局");
        // 全年预算数 0: no 执行率 can be computed, the evaluation has none (a dash), and its funds score is 0
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "年度资金总额")))
                .containsExactly("", "年度资金总额", "0", "0", "0", "10", "—", "0");
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "上年结转资金")))
                .containsExactly("", "上年结转资金", "", "", "", "", "", "");
        assertThat(Docx.verticalRuns(table, 1))
                .extracting(Docx.Run::text, Docx.Run::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("效益指标(90分)", 1));
    }

    @Test
    void asPublishedSampleRenders() {
        ObjectNode report = Fixtures.asPublished();
        ObjectNode evaluation = Fixtures.evaluate(report);
        assertThat(evaluation.at("/projects/0/grade").isNull()).isTrue();

        Docx docx = Docx.load(Fixtures.render(report, evaluation, DocumentOptions.reviewCopy(Fixtures.DATE)));

        assertThat(docx.paragraphTexts())
                .contains("2022年年末资产总额1190.97万元，负债总额0万元，净资产554.07万元。"
                        + "截至2022年12月31日，固定资产账面原值1190.97万元，在用资产1190.97万元，资产使用率100%。");
        var table = docx.tables().get(0);
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "总分"))).containsExactly("总分", "111", "105.75", "");
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "等级"))).containsExactly("等级", "—");
        // the 得分 and 总分 the unit wrote, under the evaluation's
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "单位填报"))).containsExactly("", "单位填报", "", "", "9");
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "单位填报总分"))).containsExactly("单位填报总分", "", "96", "");
    }

    @Test
    void numbersReadAsDoublesGiveTheSameText() {
        ObjectNode report = Fixtures.load(Fixtures.CORRECTED, new ObjectMapper()); // DoubleNode, not DecimalNode
        String text = Docx.load(Fixtures.render(report, null, DocumentOptions.finalCopy(Fixtures.DATE)))
                .bodyText();
        assertThat(text)
                .contains("收入179.2万元", "较预算增加641.82万元", "占总支出的22.07%", "占总支出的77.93%", "政府采购支出56.36万元", "资产使用率100%");
    }

    @Test
    void textsWithCharactersXmlCannotHoldStillRender() {
        ObjectNode report = Fixtures.minimal();
        report.put("otherNotes", "第一行\u0001\u0007\t说明\uD800\n\n第二行 <&> \"引号\"");
        JsonNode evaluation = Fixtures.evaluate(report);
        assertThatCode(() -> Fixtures.render(report, evaluation, DocumentOptions.finalCopy(Fixtures.DATE)))
                .doesNotThrowAnyException();
        List<String> texts = Docx.load(Fixtures.render(report, evaluation, DocumentOptions.finalCopy(Fixtures.DATE)))
                .paragraphTexts();
        int heading = texts.indexOf("四、其他需要说明的情况");
        assertThat(texts.subList(heading + 1, heading + 3)).containsExactly("第一行 说明", "第二行 <&> \"引号\"");
    }
}
