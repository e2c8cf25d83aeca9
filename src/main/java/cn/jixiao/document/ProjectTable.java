package cn.jixiao.document;

import cn.jixiao.document.TableGrid.Cell;
import cn.jixiao.document.TableGrid.Kind;
import cn.jixiao.document.TableGrid.Merge;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One 预算支出绩效自评表 (the attachment table of a project), laid out like the sample's on one grid of ten columns:
 *
 * <pre>
 *  c0 | c1        | c2        | c3        | c4         | c5         | c6   | c7    | c8 … c9
 *  项目支出名称 (c0–c2)          | name (c3–c9)
 *  主管部门 (c0–c2)              | supervisor (c3–c5)                 | 实施单位 (c6–c7) | implementer
 *  项目资金 | (c1–c2)             | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 (c8–c9)
 *  (万元)   | 年度资金总额 …       | amounts …                            | weight | rate | score
 *  年度总体目标 | 预期目标 (c1–c5)                                  | 实际完成情况 (c6–c9)
 *  绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 (c8–c9)
 *  总分 (c0–c5)                                                   | 100  | total | (c8–c9)
 *  等级 (c0–c5)                                                   | grade (c6–c9)
 * </pre>
 *
 * <p>The optional fields of published tables (issue 18) add rows and a column only when present, so a table without
 * them is exactly the one above: a 调整后预算数 column after 全年预算数 when any fund line has one (the line names then
 * take c1 alone); the named fund lines as rows after 其他资金; a row 单位填报 with the 执行率 and 得分 the unit wrote
 * under the evaluation's; rows 预算调整原因 and 执行率偏低原因 (c1–c2 | c3–c9) closing the funds block; 指标性质 and
 * 度量单位 inside the value cells ({@link IndicatorValue}); 单位填报总分 after 总分; 评价结论, 存在问题 and 改进措施
 * (c0–c2 | c3–c9) after 等级.
 *
 * The block labels in c0, the 一级指标 cells and runs of equal 二级指标 are merged vertically (vMerge restart, then
 * continue). Scores shown are the evaluation's; weights come from the report. The result is a format-neutral
 * {@link TableGrid}: {@link WmlTable} writes it into the .docx, the HTML reading view into a {@code <table>}.
 */
final class ProjectTable {

    /** Column widths in twips; they add up to the 156 mm 版心 (8845). */
    static final int[] GRID = {560, 1180, 1000, 960, 860, 860, 560, 820, 980, 1065};

    /** The standard order of the 一级指标; indicators are grouped in it so each one's rows are contiguous. */
    static final List<String> LEVEL1_ORDER = List.of("产出指标", "效益指标", "满意度指标");

    static final String NONE = "—";

    /** The project's own closing texts, each a row at the end of its table when the unit wrote it. */
    static final String[][] CLOSING_ROWS = {{"conclusion", "评价结论"}, {"problems", "存在问题"}, {"measures", "改进措施"}};

    private ProjectTable() {}

    static TableGrid grid(JsonNode report, JsonNode project, JsonNode evaluation) {
        List<List<Cell>> table = new ArrayList<>();
        JsonNode unit = Fields.node(report, "unit");
        String supervisor = firstNonNull(Fields.text(project, "supervisor"), Fields.text(unit, "supervisor"), "");
        String implementer = firstNonNull(Fields.text(project, "implementer"), Fields.text(unit, "name"), "");

        table.add(new Row()
                .head(3, "项目支出名称")
                .left(7, Fields.text(project, "name"))
                .done());
        table.add(new Row()
                .head(3, "主管部门")
                .left(3, supervisor)
                .head(2, "实施单位")
                .left(2, implementer)
                .done());
        addFunds(table, Fields.node(project, "funds"), evaluation);
        addGoal(table, Fields.node(project, "annualGoal"));
        BigDecimal indicatorWeights = addIndicators(table, Fields.elements(project, "indicators"), evaluation);

        BigDecimal weightTotal = Figures.sum(Fields.decimal(Fields.node(project, "funds"), "weight"), indicatorWeights);
        table.add(new Row()
                .head(6, "总分")
                .text(1, Figures.show(weightTotal))
                .text(1, score(evaluation, "totalScore"))
                .text(2, "")
                .done());
        BigDecimal declaredTotal = Fields.decimal(project, "declaredTotalScore");
        if (declaredTotal != null) {
            table.add(new Row()
                    .head(6, "单位填报总分")
                    .text(1, "")
                    .text(1, Figures.show(declaredTotal))
                    .text(2, "")
                    .done());
        }
        String grade = Fields.text(evaluation, "grade");
        table.add(new Row().head(6, "等级").text(4, grade == null ? NONE : grade).done());
        for (String[] closing : CLOSING_ROWS) {
            String text = Fields.text(project, closing[0]);
            if (text != null) {
                table.add(new Row().head(3, closing[1]).left(7, text).done());
            }
        }
        return new TableGrid(Arrays.stream(GRID).boxed().toList(), table);
    }

    private static void addFunds(List<List<Cell>> table, JsonNode funds, JsonNode evaluation) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"total", "年度资金总额"});
        lines.add(new String[] {"currentYearGrant", "其中：当年财政拨款"});
        lines.add(new String[] {"priorYearCarryover", "上年结转资金"});
        lines.add(new String[] {"other", "其他资金"});
        List<JsonNode> amountsOf = new ArrayList<>();
        for (String[] line : lines) {
            amountsOf.add(Fields.node(funds, line[0]));
        }
        for (JsonNode named : Fields.elements(funds, "additionalLines")) {
            lines.add(new String[] {null, firstNonNull(Fields.text(named, "name"), "", "")});
            amountsOf.add(named);
        }
        // 调整后预算数 gets a column only when a line has one; the line names then give up their second grid column.
        boolean adjusted = amountsOf.stream().anyMatch(amounts -> Fields.decimal(amounts, "adjustedBudget") != null);
        int nameSpan = adjusted ? 1 : 2;

        Row head = new Row()
                .head(1, "项目资金\n(万元)", Merge.RESTART)
                .text(nameSpan, "")
                .head(1, "年初预算数")
                .head(1, "全年预算数");
        if (adjusted) {
            head.head(1, "调整后预算数");
        }
        table.add(
                head.head(1, "全年执行数").head(1, "分值").head(1, "执行率").head(2, "得分").done());
        String rate = Figures.showRate(Fields.decimal(evaluation, "executionRate"));
        for (int i = 0; i < lines.size(); i++) {
            JsonNode amounts = amountsOf.get(i);
            boolean total = i == 0;
            Row row = new Row()
                    .head(1, "", Merge.CONTINUE)
                    .text(nameSpan, lines.get(i)[1])
                    .text(1, Figures.showAmount(Fields.decimal(amounts, "initialBudget")))
                    .text(1, Figures.showAmount(Fields.decimal(amounts, "annualBudget")));
            if (adjusted) {
                row.text(1, Figures.showAmount(Fields.decimal(amounts, "adjustedBudget")));
            }
            table.add(row.text(1, Figures.showAmount(Fields.decimal(amounts, "executed")))
                    .text(1, total ? Figures.show(Fields.decimal(funds, "weight")) : "")
                    .text(1, total ? (rate == null ? NONE : rate) : "")
                    .text(2, total ? score(evaluation, "fundsScore") : "")
                    .done());
        }
        // The 执行率 and 得分 the unit wrote, under the evaluation's: a reader sees both where they differ.
        BigDecimal declaredRate = Fields.decimal(funds, "declaredExecutionRate");
        BigDecimal declaredScore = Fields.decimal(funds, "declaredScore");
        if (declaredRate != null || declaredScore != null) {
            table.add(new Row()
                    .head(1, "", Merge.CONTINUE)
                    .head(5, "单位填报")
                    .text(1, "")
                    .text(1, declaredRate == null ? "" : Figures.showPercent(declaredRate))
                    .text(2, declaredScore == null ? "" : Figures.show(declaredScore))
                    .done());
        }
        addNote(table, funds, "adjustmentReason", "预算调整原因");
        addNote(table, funds, "lowExecutionReason", "执行率偏低原因");
    }

    /** A row of the funds block holding a reason the unit gave, when it gave one. */
    private static void addNote(List<List<Cell>> table, JsonNode funds, String field, String label) {
        String text = Fields.text(funds, field);
        if (text != null) {
            table.add(new Row()
                    .head(1, "", Merge.CONTINUE)
                    .head(2, label)
                    .left(7, text)
                    .done());
        }
    }

    private static void addGoal(List<List<Cell>> table, JsonNode goal) {
        table.add(new Row()
                .head(1, "年度总体目标", Merge.RESTART)
                .head(5, "预期目标")
                .head(4, "实际完成情况")
                .done());
        table.add(new Row()
                .head(1, "", Merge.CONTINUE)
                .left(5, Fields.text(goal, "expected"))
                .left(4, Fields.text(goal, "actual"))
                .done());
    }

    /** The 绩效指标 block; returns the sum of the indicator weights (null without indicators). */
    private static BigDecimal addIndicators(List<List<Cell>> table, List<JsonNode> indicators, JsonNode evaluation) {
        table.add(new Row()
                .head(1, "绩效指标", Merge.RESTART)
                .head(1, "一级指标")
                .head(1, "二级指标")
                .head(1, "三级指标")
                .head(1, "年度指标值")
                .head(1, "实际完成值")
                .head(1, "分值")
                .head(1, "得分")
                .head(2, "偏差原因分析及改进措施")
                .done());
        Map<String, List<JsonNode>> byLevel1 = new LinkedHashMap<>();
        LEVEL1_ORDER.forEach(level1 -> byLevel1.put(level1, new ArrayList<>()));
        for (JsonNode indicator : indicators) {
            String level1 = firstNonNull(Fields.text(indicator, "level1"), "", "");
            byLevel1.computeIfAbsent(level1, key -> new ArrayList<>()).add(indicator);
        }
        BigDecimal weights = null;
        for (Map.Entry<String, List<JsonNode>> group : byLevel1.entrySet()) {
            List<JsonNode> rows = group.getValue();
            BigDecimal groupWeight = null;
            for (JsonNode row : rows) {
                groupWeight = Figures.sum(groupWeight, Fields.decimal(row, "weight"));
            }
            weights = Figures.sum(weights, groupWeight);
            BigDecimal shownWeight = levelWeight(evaluation, group.getKey());
            String label = group.getKey() + "\n("
                    + Figures.show(
                            shownWeight != null ? shownWeight : groupWeight != null ? groupWeight : BigDecimal.ZERO)
                    + "分)";
            String previousLevel2 = null;
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                String level2 = firstNonNull(Fields.text(row, "level2"), "", "");
                boolean continuesLevel2 = i > 0 && level2.equals(previousLevel2);
                previousLevel2 = level2;
                table.add(new Row()
                        .head(1, "", Merge.CONTINUE)
                        .text(1, i == 0 ? label : "", i == 0 ? Merge.RESTART : Merge.CONTINUE)
                        .text(1, continuesLevel2 ? "" : level2, continuesLevel2 ? Merge.CONTINUE : Merge.RESTART)
                        .text(1, Fields.text(row, "name"))
                        .text(1, IndicatorValue.target(row))
                        .text(1, IndicatorValue.actual(row))
                        .text(1, Figures.show(Fields.decimal(row, "weight")))
                        .text(1, Figures.show(Fields.decimal(row, "score")))
                        .left(2, Fields.text(row, "deviationNote"))
                        .done());
            }
        }
        return weights;
    }

    /** The weight subtotal of a 一级指标 from the evaluation's levels, or null when it has none. */
    private static BigDecimal levelWeight(JsonNode evaluation, String level1) {
        for (JsonNode level : Fields.elements(evaluation, "levels")) {
            if (level1.equals(Fields.text(level, "level1"))) {
                return Fields.decimal(level, "weight");
            }
        }
        return null;
    }

    private static String score(JsonNode evaluation, String field) {
        String shown = Figures.show(Fields.decimal(evaluation, field));
        return shown == null ? NONE : shown;
    }

    private static String firstNonNull(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    /** Builds one row left to right and checks that its cells cover the grid exactly. */
    private static final class Row {
        private final List<Cell> cells = new ArrayList<>();
        private int column;

        Row head(int span, String text) {
            return cell(span, text, Kind.HEAD, Merge.NONE);
        }

        Row head(int span, String text, Merge merge) {
            return cell(span, text, Kind.HEAD, merge);
        }

        Row text(int span, String text) {
            return cell(span, text, Kind.TEXT, Merge.NONE);
        }

        Row text(int span, String text, Merge merge) {
            return cell(span, text, Kind.TEXT, merge);
        }

        Row left(int span, String text) {
            return cell(span, text, Kind.LEFT, Merge.NONE);
        }

        private Row cell(int span, String text, Kind kind, Merge merge) {
            cells.add(new Cell(merge == Merge.CONTINUE ? null : text, span, kind, merge));
            column += span;
            return this;
        }

        List<Cell> done() {
            if (column != GRID.length) {
                throw new IllegalStateException("row covers " + column + " of " + GRID.length + " grid columns");
            }
            return cells;
        }
    }
}
