package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One 三级指标 row of a project's table, read leniently (absent weight or score read as 0; {@code scoreGiven} says
 * whether a 得分 was written at all, for SCORE_MISSING).
 */
record IndicatorRow(
        int index,
        String level1,
        String name,
        String target,
        String actual,
        BigDecimal weight,
        BigDecimal score,
        String deviationNote,
        boolean scoreGiven) {

    static List<IndicatorRow> readAll(JsonNode project) {
        List<IndicatorRow> rows = new ArrayList<>();
        List<JsonNode> nodes = JsonFields.elements(project, "indicators");
        for (int j = 0; j < nodes.size(); j++) {
            JsonNode node = nodes.get(j);
            String name = JsonFields.text(node, "name");
            rows.add(new IndicatorRow(
                    j,
                    JsonFields.text(node, "level1"),
                    name == null ? "" : name,
                    target(
                            JsonFields.text(node, "target"),
                            JsonFields.text(node, "nature"),
                            JsonFields.text(node, "measureUnit")),
                    JsonFields.text(node, "actual"),
                    JsonFields.decimalOrZero(node, "weight"),
                    JsonFields.decimalOrZero(node, "score"),
                    JsonFields.text(node, "deviationNote"),
                    JsonFields.decimal(node, "score") != null));
        }
        return rows;
    }

    /**
     * The 年度指标值 as one text: Sichuan's table writes the comparator (指标性质 "≥", "=") and the unit (度量单位
     * "%") in columns of their own beside a bare 指标值 "100"; read together they are "=100%". A 指标性质 that is no
     * comparator (正向指标, 定性) adds nothing; a target that has its own comparator or unit keeps it.
     */
    static String target(String target, String nature, String measureUnit) {
        if (target == null || target.isBlank()) {
            return target;
        }
        String text = target.strip();
        String comparator = nature == null ? "" : Quantity.normalize(nature);
        boolean hasComparator =
                !text.isEmpty() && "=<>≥≤≧≦⩾⩽".indexOf(Quantity.normalize(text).charAt(0)) >= 0;
        if (!hasComparator && comparator.matches("(?:=|==|>=|<=|>|<|≥|≤|≧|≦|⩾|⩽)")) {
            text = comparator + text;
        }
        if (measureUnit != null
                && !measureUnit.isBlank()
                && Quantity.parse(text.replaceFirst("^[=<>≥≤≧≦⩾⩽]+", ""))
                        .map(q -> !q.hasUnit())
                        .orElse(false)) {
            text = text + measureUnit.strip();
        }
        return text;
    }

    /** How messages name the indicator: 三级指标“完成时效”（第3项）. */
    String label() {
        return "三级指标“" + name + "”（第" + (index + 1) + "项）";
    }
}
