package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.docx4j.wml.P;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Tr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 预算支出绩效自评表 of each project: grid, merges, and the evaluation's scores. */
class ProjectTableTest {

    private static Tbl table;

    @BeforeAll
    static void renderCorrectedSample() {
        ObjectNode report = Fixtures.corrected();
        table = Docx.load(Fixtures.render(report, Fixtures.evaluate(report), DocumentOptions.finalCopy(Fixtures.DATE)))
                .tables()
                .get(0);
    }

    @Test
    void everyRowCoversTheWholeGridAndEveryCellHoldsAParagraph() {
        int columns = table.getTblGrid().getGridCol().size();
        assertThat(columns).isEqualTo(10);
        assertThat(table.getTblGrid().getGridCol().stream()
                        .mapToInt(c -> c.getW().intValue())
                        .sum())
                .isEqualTo(Layout.TEXT_WIDTH);
        List<Tr> rows = Docx.rows(table);
        assertThat(rows).hasSize(2 + 5 + 2 + 10 + 2);
        for (int r = 0; r < rows.size(); r++) {
            List<Tc> cells = Docx.cells(rows.get(r));
            assertThat(cells.stream().mapToInt(Docx::span).sum())
                    .as("grid columns of row %d", r)
                    .isEqualTo(columns);
            for (Tc cell : cells) {
                assertThat(cell.getContent()).as("cell of row %d", r).anyMatch(P.class::isInstance);
            }
        }
    }

    @Test
    void mergedCellsHaveTheWidthOfTheirSpans() {
        for (Tr row : Docx.rows(table)) {
            int column = 0;
            for (Tc cell : Docx.cells(row)) {
                int expected = 0;
                for (int i = column; i < column + Docx.span(cell); i++) {
                    expected += table.getTblGrid().getGridCol().get(i).getW().intValue();
                }
                assertThat(cell.getTcPr().getTcW().getW().intValue()).isEqualTo(expected);
                column += Docx.span(cell);
            }
        }
    }

    @Test
    void headerRowsNameProjectSupervisorAndImplementer() {
        List<Tr> rows = Docx.rows(table);
        assertThat(Docx.cellTexts(rows.get(0))).containsExactly("项目支出名称", "大综窗标准化改革");
        assertThat(Docx.cellTexts(rows.get(1))).containsExactly("主管部门", "衡山县人民政府", "实施单位", "衡山县行政审批服务局");
    }

    @Test
    void fundsBlockShowsAmountsWeightAndTheEvaluationsRateAndScore() {
        List<Tr> rows = Docx.rows(table);
        assertThat(Docx.cellTexts(rows.get(2)))
                .containsExactly("项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
        assertThat(Docx.cellTexts(rows.get(3)))
                .containsExactly("", "年度资金总额", "400", "400", "390", "10", "97.50%", "9.75");
        assertThat(Docx.cellTexts(rows.get(4))).containsExactly("", "其中：当年财政拨款", "400", "400", "390", "", "", "");
        assertThat(Docx.cellTexts(rows.get(5))).containsExactly("", "上年结转资金", "0", "0", "0", "", "", "");
        assertThat(Docx.cellTexts(rows.get(6))).containsExactly("", "其他资金", "0", "0", "0", "", "", "");
    }

    @Test
    void goalBlockHasExpectedAndActual() {
        List<Tr> rows = Docx.rows(table);
        assertThat(Docx.cellTexts(rows.get(7))).containsExactly("年度总体目标", "预期目标", "实际完成情况");
        assertThat(Docx.cellTexts(rows.get(8))).containsExactly("", "按全年预算目标执行", "按期完成");
    }

    @Test
    void indicatorHeadAndRowsCarryTheReportsValues() {
        List<Tr> rows = Docx.rows(table);
        assertThat(Docx.cellTexts(rows.get(9)))
                .containsExactly("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
        assertThat(Docx.cellTexts(rows.get(10)))
                .containsExactly(
                        "",
                        "产出指标(50分)",
                        "数量指标",
                        "支出安排金额",
                        "万元",
                        "100%",
                        "10",
                        "9",
                        "预算安排资金中有10万元因年末采购流程未完成而未能支出，后续将提前启动采购程序。");
        assertThat(Docx.cellTexts(rows.get(18)))
                .containsExactly("", "满意度指标(10分)", "服务对象满意度指标", "满意度情况", "满意", "100%", "10", "10", "");
    }

    @Test
    void blockLabelsAndLevel1CellsAreMergedVerticallyOverTheirRows() {
        assertThat(Docx.verticalRuns(table, 0))
                .extracting(Docx.Run::text, Docx.Run::rows, Docx.Run::firstRow)
                .containsExactly(tuple("项目资金(万元)", 5, 2), tuple("年度总体目标", 2, 7), tuple("绩效指标", 10, 9));
        assertThat(Docx.verticalRuns(table, 1))
                .extracting(Docx.Run::text, Docx.Run::rows, Docx.Run::firstRow)
                .containsExactly(tuple("产出指标(50分)", 4, 10), tuple("效益指标(30分)", 4, 14), tuple("满意度指标(10分)", 1, 18));
        // every 二级指标 of the corrected sample differs from its neighbour: nine one-row regions
        assertThat(Docx.verticalRuns(table, 2)).extracting(Docx.Run::rows).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void equalNeighbouringLevel2CellsMergeAndScatteredLevel1RowsAreGrouped() {
        ObjectNode report = Fixtures.corrected();
        ArrayNode indicators = (ArrayNode) report.at("/projects/0/indicators");
        ((ObjectNode) indicators.get(1)).put("level2", "数量指标"); // rows 0 and 1 now share 数量指标
        JsonNode satisfaction = indicators.remove(8);
        indicators.insert(0, satisfaction); // 满意度 first in the input

        Tbl reordered = Docx.load(
                        Fixtures.render(report, Fixtures.evaluate(report), DocumentOptions.finalCopy(Fixtures.DATE)))
                .tables()
                .get(0);

        assertThat(Docx.verticalRuns(reordered, 1))
                .extracting(Docx.Run::text, Docx.Run::rows)
                .containsExactly(tuple("产出指标(50分)", 4), tuple("效益指标(30分)", 4), tuple("满意度指标(10分)", 1));
        assertThat(Docx.verticalRuns(reordered, 2))
                .extracting(Docx.Run::text, Docx.Run::rows)
                .containsExactly(
                        tuple("数量指标", 2),
                        tuple("时效指标", 1),
                        tuple("成本指标", 1),
                        tuple("经济效益指标", 1),
                        tuple("社会效益指标", 1),
                        tuple("生态效益指标", 1),
                        tuple("可持续影响指标", 1),
                        tuple("服务对象满意度指标", 1));
    }

    @Test
    void totalAndGradeRowsShowTheEvaluation() {
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "总分"))).containsExactly("总分", "100", "94.75", "");
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "等级"))).containsExactly("等级", "优");
    }

    @Test
    void scoresComeFromTheEvaluationGivenNotFromTheReport() {
        ObjectNode report = Fixtures.corrected();
        ObjectNode evaluation = Fixtures.evaluate(report);
        ObjectNode project = (ObjectNode) evaluation.at("/projects/0");
        project.put("totalScore", 88.5)
                .put("grade", "良")
                .put("fundsScore", 8.88)
                .put("executionRate", 88.8);
        ((ObjectNode) project.at("/levels/0")).put("weight", 49);

        Tbl other = Docx.load(Fixtures.render(report, evaluation, DocumentOptions.finalCopy(Fixtures.DATE)))
                .tables()
                .get(0);

        assertThat(Docx.cellTexts(Docx.rowStartingWith(other, "总分"))).containsExactly("总分", "100", "88.5", "");
        assertThat(Docx.cellTexts(Docx.rowStartingWith(other, "等级"))).containsExactly("等级", "良");
        assertThat(Docx.cellTexts(Docx.rowStartingWith(other, "年度资金总额")))
                .containsExactly("", "年度资金总额", "400", "400", "390", "10", "88.80%", "8.88");
        assertThat(Docx.verticalRuns(other, 1).get(0).text()).isEqualTo("产出指标(49分)");
    }

    @Test
    void withoutAnEvaluationScoresShowADash() {
        Tbl bare = Docx.load(Fixtures.render(Fixtures.corrected(), null, DocumentOptions.finalCopy(Fixtures.DATE)))
                .tables()
                .get(0);
        assertThat(Docx.cellTexts(Docx.rowStartingWith(bare, "总分"))).containsExactly("总分", "100", "—", "");
        assertThat(Docx.cellTexts(Docx.rowStartingWith(bare, "等级"))).containsExactly("等级", "—");
        assertThat(Docx.cellTexts(Docx.rowStartingWith(bare, "年度资金总额"))).endsWith("10", "—", "—");
        // the 一级指标 subtotal falls back to the report's own weights
        assertThat(Docx.verticalRuns(bare, 1).get(0).text()).isEqualTo("产出指标(50分)");
    }

    @Test
    void everyProjectGetsItsOwnNumberedAttachment() {
        ObjectNode report = Fixtures.corrected();
        ObjectNode second = report.withArray("projects").get(0).deepCopy();
        second.put("name", "政务服务热线运维");
        report.withArray("projects").add(second);
        ObjectNode narrative = ((ObjectNode) report.get("performance"))
                .withArray("projectNarratives")
                .addObject();
        narrative.put("projectName", "政务服务热线运维").put("text", "热线运维项目按期完成。");

        Docx docx =
                Docx.load(Fixtures.render(report, Fixtures.evaluate(report), DocumentOptions.finalCopy(Fixtures.DATE)));

        assertThat(docx.tables()).hasSize(2);
        assertThat(docx.textsOfStyles(DocStyles.ATTACHMENT_LABEL)).containsExactly("附件1", "附件2");
        assertThat(docx.textsOfStyles(DocStyles.ATTACHMENT_NOTE))
                .containsExactly("附件：1.2022年度大综窗标准化改革预算支出绩效自评表", "2.2022年度政务服务热线运维预算支出绩效自评表");
        assertThat(Docx.cellTexts(Docx.rows(docx.tables().get(1)).get(0))).containsExactly("项目支出名称", "政务服务热线运维");
    }
}
