package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A 评分模板: what a province's 项目支出绩效自评表 fixes, as data. Templates differ by province (the national one
 * fixes 产出 50 / 效益 30 / 满意度 10, Sichuan only the indicator total of 90, Hubei gives 20 points to the funds),
 * so no rule may carry those numbers as constants: every rule and the grade read them from here. A template is read
 * from a JSON file (bpmn/templates/*.json, or a file an administrator deploys) by {@link #fromJson}.
 *
 * @param id the template id a report names in its {@code profile} field (national, sichuan, …)
 * @param name the Chinese name shown in messages
 * @param fundsWeight the standard 预算执行率分值
 * @param indicatorTotal the standard sum of all indicator weights
 * @param levelShares the standard share of each 一级指标; empty when the unit splits the indicator total freely
 * @param executionBase which budget 执行率 is measured against
 * @param lowExecutionReasonBelow a 执行率 (percent) below which the unit must give a reason; null when none is asked
 * @param gradeBands the grade bands, highest first; empty to grade with the deployed decision table {@code grade}
 * @param expectedFields optional project fields this template's table carries, each missing one a warning
 */
public record ScoringTemplate(
        String id,
        String name,
        BigDecimal fundsWeight,
        BigDecimal indicatorTotal,
        Map<Level1, BigDecimal> levelShares,
        ExecutionBase executionBase,
        BigDecimal lowExecutionReasonBelow,
        List<GradeBand> gradeBands,
        List<ExpectedField> expectedFields) {

    /** The template a report without {@code profile} is scored with. */
    public static final String DEFAULT_ID = "national";

    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    private static final BigDecimal FULL_MARKS = BigDecimal.valueOf(100);

    /** Which budget 执行率 is measured against. */
    public enum ExecutionBase {
        /** 全年预算数 (the national table). */
        ANNUAL_BUDGET("annualBudget", "全年预算数"),
        /** 调整后预算数 where given, else 全年预算数 (templates that base 执行率 on the adjusted budget). */
        ADJUSTED_BUDGET("adjustedBudget", "调整后预算数");

        final String field;
        final String label;

        ExecutionBase(String field, String label) {
            this.field = field;
            this.label = label;
        }

        static ExecutionBase of(String field) {
            for (ExecutionBase base : values()) {
                if (base.field.equals(field)) {
                    return base;
                }
            }
            throw new IllegalArgumentException("executionBase must be annualBudget or adjustedBudget, not " + field);
        }
    }

    /** A grade given to every 总分 of at least {@code atLeast} (and not above 100) that no higher band took. */
    public record GradeBand(String grade, BigDecimal atLeast) {
        public GradeBand {
            Objects.requireNonNull(grade, "grade");
            Objects.requireNonNull(atLeast, "atLeast");
        }
    }

    /** An optional field of a project (a JSON pointer relative to the project) with its Chinese label. */
    public record ExpectedField(String pointer, String label) {
        public ExpectedField {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(label, "label");
            if (!pointer.startsWith("/")) {
                throw new IllegalArgumentException("an expected field is a JSON pointer into the project: " + pointer);
            }
        }
    }

    public ScoringTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fundsWeight, "fundsWeight");
        Objects.requireNonNull(indicatorTotal, "indicatorTotal");
        Objects.requireNonNull(executionBase, "executionBase");
        levelShares = levelShares.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(levelShares));
        gradeBands = List.copyOf(gradeBands);
        expectedFields = List.copyOf(expectedFields);
    }

    /** The national template with the shares a finance bureau configured (jixiao.scoring.*). */
    public static ScoringTemplate national(ScoringSettings settings) {
        Map<Level1, BigDecimal> shares = new EnumMap<>(Level1.class);
        BigDecimal indicators = BigDecimal.ZERO;
        for (Level1 level : Level1.values()) {
            shares.put(level, settings.shareOf(level));
            indicators = indicators.add(settings.shareOf(level));
        }
        return new ScoringTemplate(
                DEFAULT_ID,
                "全国通用（财预〔2020〕10号）",
                settings.fundsWeight(),
                indicators,
                shares,
                ExecutionBase.ANNUAL_BUDGET,
                null,
                List.of(),
                List.of());
    }

    /** True when the unit splits the indicator total among the 一级指标 as it likes. */
    public boolean freeSplit() {
        return levelShares.isEmpty();
    }

    /** 预算执行率分值 + indicator total: the full marks of a table. */
    public BigDecimal fullMarks() {
        return fundsWeight.add(indicatorTotal);
    }

    /** The grade of the bands for a 总分; null above full marks or below every band. */
    String gradeFor(BigDecimal totalScore) {
        if (totalScore == null || totalScore.compareTo(fullMarks()) > 0) {
            return null;
        }
        for (GradeBand band : gradeBands) {
            if (totalScore.compareTo(band.atLeast()) >= 0) {
                return band.grade();
            }
        }
        return null;
    }

    /**
     * Reads a template file. Refuses (IllegalArgumentException naming the field) a template that would score
     * nonsense: an id that is no id, weights that do not make 100, shares that do not make the indicator total,
     * grade bands not from highest to lowest.
     */
    public static ScoringTemplate fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a scoring template is a JSON object");
        }
        String id = json.path("id").asText("");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case letters, digits, - or _: '" + id + "'");
        }
        String name = json.path("name").asText(id);
        BigDecimal fundsWeight = number(json, "fundsWeight");
        BigDecimal indicatorTotal = number(json, "indicatorTotal");
        if (fundsWeight.add(indicatorTotal).compareTo(FULL_MARKS) != 0) {
            throw new IllegalArgumentException(id + ": fundsWeight + indicatorTotal must be 100");
        }
        Map<Level1, BigDecimal> shares = new EnumMap<>(Level1.class);
        JsonNode sharesNode = json.path("levelShares");
        if (sharesNode.isObject()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Level1 level : Level1.values()) {
                BigDecimal share = number(sharesNode, level.label());
                shares.put(level, share);
                sum = sum.add(share);
            }
            if (sum.compareTo(indicatorTotal) != 0) {
                throw new IllegalArgumentException(id + ": levelShares must add up to indicatorTotal");
            }
        } else if (!sharesNode.isMissingNode() && !sharesNode.isNull()) {
            throw new IllegalArgumentException(id + ": levelShares is an object or null (free split)");
        }
        ExecutionBase base = ExecutionBase.of(json.path("executionBase").asText("annualBudget"));
        JsonNode low = json.path("lowExecutionReasonBelow");
        BigDecimal lowBelow = low.isNumber() ? low.decimalValue() : null;
        List<GradeBand> bands = new ArrayList<>();
        for (JsonNode band : json.path("gradeBands")) {
            String grade = band.path("grade").asText("");
            if (grade.isBlank()) {
                throw new IllegalArgumentException(id + ": every grade band needs a grade");
            }
            BigDecimal atLeast = number(band, "atLeast");
            if (!bands.isEmpty()
                    && atLeast.compareTo(bands.get(bands.size() - 1).atLeast()) >= 0) {
                throw new IllegalArgumentException(id + ": grade bands go from the highest to the lowest");
            }
            bands.add(new GradeBand(grade, atLeast));
        }
        List<ExpectedField> expected = new ArrayList<>();
        for (JsonNode field : json.path("expectedFields")) {
            expected.add(new ExpectedField(
                    field.path("pointer").asText(""), field.path("label").asText("")));
        }
        return new ScoringTemplate(id, name, fundsWeight, indicatorTotal, shares, base, lowBelow, bands, expected);
    }

    private static BigDecimal number(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isNumber() || node.decimalValue().signum() < 0) {
            throw new IllegalArgumentException(field + " must be a number not below 0");
        }
        return node.decimalValue();
    }
}
