package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Tr;
import org.junit.jupiter.api.Test;

/**
 * The optional fields of published tables (issue 18) in the 自评表: each has its place when present, on the table
 * 大英县司法局 published on the Sichuan template (src/test/resources/tables/sichuan-free-split-2023.json), which carries
 * all of them but one; the one (执行率偏低原因) is added here.
 */
class PublishedTableFieldsTest {

    private static Tbl render(ObjectNode report) {
        return Docx.load(Fixtures.render(report, Fixtures.evaluate(report), DocumentOptions.finalCopy(Fixtures.DATE)))
                .tables()
                .get(0);
    }

    private static ObjectNode sichuanTable() {
        ObjectNode report = Fixtures.table("sichuan-free-split-2023.json");
        ((ObjectNode) report.at("/projects/0/funds")).put("lowExecutionReason", "年末采购尚未结算。");
        return report;
    }

    @Test
    void aTableWithEveryOptionalFieldShowsEachInItsPlace() {
        List<Tr> rows = Docx.rows(render(sichuanTable()));

        assertThat(rows.stream().map(Docx::cellTexts).toList())
                .containsExactly(
                        List.of("项目支出名称", "2023年全县安可替代补助资金项目"),
                        List.of("主管部门", "大英县司法局部门", "实施单位", "大英县司法局"),
                        List.of("项目资金(万元)", "", "年初预算数", "全年预算数", "调整后预算数", "全年执行数", "分值", "执行率", "得分"),
                        List.of("", "年度资金总额", "0", "3.36", "3.36", "3.36", "10", "100.00%", "10"),
                        List.of("", "其中：当年财政拨款", "0", "3.36", "3.36", "3.36", "", "", ""),
                        List.of("", "上年结转资金", "", "", "", "", "", "", ""),
                        List.of("", "其他资金", "", "", "", "", "", "", ""),
                        List.of("", "财政专户管理资金", "0", "0", "0", "0", "", "", ""),
                        List.of("", "单位资金", "0", "0", "0", "0", "", "", ""),
                        List.of("", "单位填报", "", "100%", "10"),
                        List.of("", "预算调整原因", "年中追加安可替代补助资金3.36万元。（摘要）"),
                        List.of("", "执行率偏低原因", "年末采购尚未结算。"),
                        Docx.cellTexts(rows.get(12)),
                        Docx.cellTexts(rows.get(13)),
                        List.of("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"),
                        Docx.cellTexts(rows.get(15)),
                        List.of("总分", "100", "100", ""),
                        List.of("单位填报总分", "", "100", ""),
                        Docx.cellTexts(rows.get(18)),
                        List.of("评价结论", "2023年购买13台安可电脑，并于12月前完成资金支付。（摘要）"),
                        List.of("存在问题", "无"),
                        List.of("改进措施", "无"));
        assertThat(Docx.cellTexts(rows.get(12))).startsWith("年度总体目标");
        assertThat(Docx.cellTexts(rows.get(18))).startsWith("等级");
        // 指标性质 "=" and 度量单位 "%" written into the values as the national template writes them
        assertThat(Docx.cellTexts(rows.get(15))).containsSequence("完成安可产品购买并按要求支付资金", "=100%", "100%", "90", "90");
    }

    @Test
    void theFundsLabelSpansTheAddedRowsAndTheGridStaysWhole() {
        Tbl table = render(sichuanTable());

        assertThat(Docx.verticalRuns(table, 0))
                .extracting(Docx.Run::text, Docx.Run::rows, Docx.Run::firstRow)
                .containsExactly(tuple("项目资金(万元)", 10, 2), tuple("年度总体目标", 2, 12), tuple("绩效指标", 2, 14));
        int columns = table.getTblGrid().getGridCol().size();
        for (Tr row : Docx.rows(table)) {
            assertThat(Docx.cells(row).stream().mapToInt(Docx::span).sum()).isEqualTo(columns);
        }
        // the line names take one grid column beside the 调整后预算数 column, two without it
        Tr total = Docx.rowStartingWith(table, "年度资金总额");
        assertThat(Docx.span(Docx.cells(total).get(1))).isEqualTo(1);
        assertThat(Docx.span(Docx.cellAt(Docx.rowStartingWith(table, "预算调整原因"), 1)))
                .isEqualTo(2);
        assertThat(Docx.span(Docx.cellAt(Docx.rowStartingWith(table, "评价结论"), 0)))
                .isEqualTo(3);
    }

    /** 棠溪镇 2022: amounts to the yuan stay as written; named lines without 调整后预算数 add rows but no column. */
    @Test
    void yuanPrecisionAndNamedLinesWithoutAnAdjustedBudget() {
        ObjectNode report = Fixtures.table("chizhou-tangxi-2022.json");
        ObjectNode line = ((ObjectNode) report.at("/projects/0/funds"))
                .withArray("additionalLines")
                .addObject();
        line.put("name", "单位资金")
                .put("initialBudget", 1.2345)
                .put("annualBudget", 1.2345)
                .put("executed", 0.5);

        Tbl table = render(report);

        assertThat(Docx.cellTexts(Docx.rows(table).get(2)))
                .containsExactly("项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
        // 年度资金总额 0/0/0 is read from its sub-lines, the named one included: (89.974 + 0.5) ÷ (89.974 + 1.2345)
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "年度资金总额")))
                .containsExactly("", "年度资金总额", "0", "0", "0", "10", "99.19%", "9.92");
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "其中：当年财政拨款")))
                .containsExactly("", "其中：当年财政拨款", "90", "89.974", "89.974", "", "", "");
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "单位资金")))
                .containsExactly("", "单位资金", "1.2345", "1.2345", "0.5", "", "", "");
        Tc name = Docx.cells(Docx.rowStartingWith(table, "单位资金")).get(1);
        assertThat(Docx.span(name)).isEqualTo(2);
        assertThat(Docx.cellTexts(Docx.rowStartingWith(table, "单位填报"))).containsExactly("", "单位填报", "", "0%", "0");
        assertThat(Docx.rows(table).stream().map(row -> String.join("", Docx.cellTexts(row))))
                .noneMatch(text -> text.startsWith("预算调整原因")
                        || text.startsWith("执行率偏低原因")
                        || text.startsWith("单位填报总分")
                        || text.startsWith("评价结论"));
    }

    /** Each optional field alone changes the table; without any, the sample's table has its 21 rows. */
    @Test
    void eachFieldAloneAddsOnlyItsOwnPlace() {
        assertThat(Docx.rows(render(Fixtures.corrected()))).hasSize(21);

        ObjectNode adjusted = Fixtures.corrected();
        ((ObjectNode) adjusted.at("/projects/0/funds/other")).put("adjustedBudget", 0);
        Tbl withColumn = render(adjusted);
        assertThat(Docx.rows(withColumn)).hasSize(21);
        assertThat(Docx.cellTexts(Docx.rowStartingWith(withColumn, "年度资金总额")))
                .containsExactly("", "年度资金总额", "400", "400", "", "390", "10", "97.50%", "9.75");
        assertThat(Docx.cellTexts(Docx.rowStartingWith(withColumn, "其他资金")))
                .containsExactly("", "其他资金", "0", "0", "0", "0", "", "", "");

        ObjectNode measures = Fixtures.corrected();
        ((ObjectNode) measures.at("/projects/0")).put("measures", "提前启动采购程序。\n按月调度支出进度。");
        List<Tr> rows = Docx.rows(render(measures));
        assertThat(rows).hasSize(22);
        assertThat(Docx.cellTexts(rows.get(21))).containsExactly("改进措施", "提前启动采购程序。按月调度支出进度。");

        ObjectNode nature = Fixtures.corrected();
        ((ObjectNode) nature.at("/projects/0/indicators/0")).put("nature", "正向指标");
        Tbl withNature = render(nature);
        assertThat(Docx.rows(withNature)).hasSize(21);
        assertThat(Docx.cellTexts(Docx.rows(withNature).get(10))).containsSequence("支出安排金额", "万元(正向指标)", "100%");
    }
}
