package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Converts an {@link Evaluation} to the evaluation JSON of docs/RULES.md. */
public final class EvaluationJson {

    private EvaluationJson() {}

    public static ObjectNode toJson(Evaluation evaluation, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        // The template used, when the report named one; absent means national, as in the report itself.
        if (evaluation.profile() != null) {
            root.put("profile", evaluation.profile());
        }
        ArrayNode projects = root.putArray("projects");
        for (ProjectEvaluation project : evaluation.projects()) {
            ObjectNode p = projects.addObject();
            p.put("name", project.name());
            putNumber(p, "executionRate", project.executionRate());
            putNumber(p, "fundsScore", project.fundsScore());
            ArrayNode levels = p.putArray("levels");
            for (LevelSubtotal level : project.levels()) {
                ObjectNode l = levels.addObject();
                l.put("level1", level.level1());
                putNumber(l, "weight", level.weight());
                putNumber(l, "score", level.score());
            }
            ArrayNode indicators = p.putArray("indicators");
            for (IndicatorSuggestion indicator : project.indicators()) {
                ObjectNode i = indicators.addObject();
                i.put("index", indicator.index());
                putNumber(i, "suggestedScore", indicator.suggestedScore());
            }
            putNumber(p, "totalScore", project.totalScore());
            p.put("grade", project.grade());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : evaluation.findings()) {
            ObjectNode f = findings.addObject();
            f.put("severity", finding.severity().name());
            f.put("code", finding.code());
            f.put("pointer", finding.pointer());
            f.put("message", finding.message());
        }
        return root;
    }

    /** At most two decimals, trailing zeros stripped; whole numbers as integers (47, 97.5, 94.75). */
    private static void putNumber(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
            return;
        }
        BigDecimal compact = Decimals.compact(value);
        if (compact.scale() == 0) {
            node.put(field, compact.toBigInteger());
        } else {
            node.put(field, compact);
        }
    }
}
