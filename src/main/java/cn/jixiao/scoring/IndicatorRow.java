package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One 三级指标 row of a project's table, read leniently (absent weight or score read as 0; {@code scoreGiven} says
 * whether a 得分 was written at all, for SCORE_MISSING).
 */
record IndicatorRow(int index, String level1, String name, String target, String actual, BigDecimal weight,
        BigDecimal score, String deviationNote, boolean scoreGiven) {

    static List<IndicatorRow> readAll(JsonNode project) {
        List<IndicatorRow> rows = new ArrayList<>();
        List<JsonNode> nodes = JsonFields.elements(project, "indicators");
        for (int j = 0; j < nodes.size(); j++) {
            JsonNode node = nodes.get(j);
            String name = JsonFields.text(node, "name");
            rows.add(new IndicatorRow(j,
                    JsonFields.text(node, "level1"),
                    name == null ? "" : name,
                    JsonFields.text(node, "target"),
                    JsonFields.text(node, "actual"),
                    JsonFields.decimalOrZero(node, "weight"),
                    JsonFields.decimalOrZero(node, "score"),
                    JsonFields.text(node, "deviationNote"),
                    JsonFields.decimal(node, "score") != null));
        }
        return rows;
    }

    /** How messages name the indicator: 三级指标“完成时效”（第3项）. */
    String label() {
        return "三级指标“" + name + "”（第" + (index + 1) + "项）";
    }
}
