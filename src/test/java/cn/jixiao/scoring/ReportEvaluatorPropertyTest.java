package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Thousands of random schema-valid reports, under both built-in templates (and an unknown one), with amounts at two
 * and four decimals, some project-only: no exception, 总分 adds up, no grade while there is an ERROR, the template
 * named is the one reported, a project-only table gets no narrative finding.
 */
class ReportEvaluatorPropertyTest {

    private static final JsonSchema SCHEMA = loadSchema();
    private static final Set<String> CODES = Set.of(
            "WEIGHT_TOTAL_NOT_100",
            "SCORE_EXCEEDS_WEIGHT",
            "FUND_LINES_SUM_MISMATCH",
            "BUDGET_SPLIT_MISMATCH",
            "STAFF_SPLIT_MISMATCH",
            "BUDGET_ZERO",
            "LEVEL1_WEIGHT_MISMATCH",
            "DEVIATION_NOTE_MISSING",
            "SCORE_ABOVE_SUGGESTED",
            "EXECUTED_EXCEEDS_BUDGET",
            "DECLARED_SCORE_MISMATCH",
            "DECLARED_TOTAL_MISMATCH",
            "ASSETS_EQUATION",
            "ASSETS_IN_USE_EXCEEDS",
            "STAFF_OVER_AUTHORIZED",
            "THREE_PUBLIC_OVER_BUDGET",
            "NARRATIVE_PROJECT_UNKNOWN",
            "PROFILE_UNKNOWN",
            "SCORE_MISSING",
            "ACTUAL_MISSING",
            "TEMPLATE_TEXT_LEFT",
            "BUDGET_CUT_TO_SPENDING",
            "LOW_EXECUTION_REASON_MISSING",
            "DECLARED_RATE_MISMATCH",
            "EXPECTED_FIELD_MISSING");

    private final ReportEvaluator evaluator = new ReportEvaluator(ScoringSettings.defaults(), Samples.BANDS);

    private static JsonSchema loadSchema() {
        try (InputStream in = ReportEvaluatorPropertyTest.class.getResourceAsStream("/report.schema.json")) {
            ObjectNode schema = (ObjectNode) Samples.MAPPER.readTree(in);
            // networknt rejects the relative $id "report.schema.json"; give it an absolute one.
            schema.put("$id", "https://jixiao.cn/schema/report.schema.json");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each try builds one report from a seed with {@link RandomReports}; a failure names the seed, and
     * {@code new RandomReports(seed).next()} rebuilds that report.
     */
    @Property(tries = 4000)
    void randomSchemaValidReports(@ForAll long seed) {
        check(seed);
    }

    private void check(long seed) {
        RandomReports.Generated generated = new RandomReports(seed).next();
        ObjectNode report = generated.report();
        assertThat(SCHEMA.validate(report))
                .as("generator must produce schema-valid reports")
                .isEmpty();

        Evaluation evaluation = evaluator.evaluate(report);
        String profile = report.path("profile").asText(null);
        if (profile == null) {
            assertThat(evaluation.profile()).isNull();
        } else if (profile.equals("national") || profile.equals("sichuan")) {
            assertThat(evaluation.profile()).isEqualTo(profile);
            assertThat(evaluation.findings()).noneMatch(f -> f.code().equals("PROFILE_UNKNOWN"));
        } else {
            assertThat(evaluation.findings()).anyMatch(f -> f.code().equals("PROFILE_UNKNOWN"));
        }
        if ("projects".equals(report.path("scope").asText())) {
            assertThat(evaluation.findings()).noneMatch(f -> f.code().equals("NARRATIVE_PROJECT_UNKNOWN"));
        }

        List<JsonNode> projectNodes = new ArrayList<>();
        report.get("projects").forEach(projectNodes::add);
        assertThat(evaluation.projects()).hasSameSizeAs(projectNodes);
        for (int i = 0; i < projectNodes.size(); i++) {
            checkProject(projectNodes.get(i), evaluation.projects().get(i), evaluation.hasErrors());
        }
        for (Finding finding : evaluation.findings()) {
            assertThat(finding.code()).isIn(CODES);
            assertThat(finding.message()).isNotBlank();
            JsonPointer pointer = JsonPointer.compile(finding.pointer());
            assertThat(report.at(pointer.head()).isMissingNode())
                    .as(finding.pointer())
                    .isFalse();
        }
        if (generated.consistent()) {
            assertThat(evaluation.findings()).noneMatch(Finding::isError);
            assertThat(evaluation.projects())
                    .allSatisfy(p -> assertThat(p.grade()).isNotNull());
        }
        checkJson(EvaluationJson.toJson(evaluation, Samples.MAPPER));
    }

    private static void checkProject(JsonNode node, ProjectEvaluation project, boolean hasErrors) {
        BigDecimal scores = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (JsonNode indicator : node.get("indicators")) {
            BigDecimal score = indicator.has("score") ? indicator.get("score").decimalValue() : BigDecimal.ZERO;
            scores = scores.add(score.setScale(2, RoundingMode.HALF_UP));
            weights = weights.add(indicator.get("weight").decimalValue());
        }
        assertThat(project.totalScore())
                .isEqualByComparingTo(project.fundsScore().add(scores));
        BigDecimal levelScores =
                project.levels().stream().map(LevelSubtotal::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal levelWeights =
                project.levels().stream().map(LevelSubtotal::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(levelScores).isEqualByComparingTo(scores);
        assertThat(levelWeights).isEqualByComparingTo(weights.setScale(2, RoundingMode.HALF_UP));

        BigDecimal fundsWeight = node.at("/funds/weight").decimalValue();
        assertThat(project.fundsScore()).isBetween(BigDecimal.ZERO, fundsWeight.setScale(2, RoundingMode.HALF_UP));
        // A total row of 0 is read from its sub-lines (of which a four-decimal budget may be all there is).
        boolean budgetZero = budgetOf(node).setScale(4, RoundingMode.HALF_UP).signum() == 0;
        assertThat(project.executionRate() == null).isEqualTo(budgetZero);

        assertThat(project.indicators()).hasSize(node.get("indicators").size());
        for (IndicatorSuggestion suggestion : project.indicators()) {
            if (suggestion.suggestedScore() != null) {
                BigDecimal weight = node.get("indicators")
                        .get(suggestion.index())
                        .get("weight")
                        .decimalValue();
                assertThat(suggestion.suggestedScore()).isBetween(BigDecimal.ZERO, weight);
            }
        }
        if (hasErrors) {
            assertThat(project.grade()).isNull();
        } else {
            assertThat(project.grade()).isEqualTo(Samples.BANDS.gradeFor(project.totalScore()));
        }
    }

    /** 全年预算数 of the total row, or the sum of the sub-lines' when every column of the total row is 0. */
    private static BigDecimal budgetOf(JsonNode project) {
        JsonNode total = project.at("/funds/total");
        boolean allZero = true;
        for (String column : List.of("initialBudget", "annualBudget", "executed")) {
            allZero &= total.get(column)
                            .decimalValue()
                            .setScale(4, RoundingMode.HALF_UP)
                            .signum()
                    == 0;
        }
        if (!allZero) {
            return total.get("annualBudget").decimalValue();
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean anyNonZero = false;
        for (String line : List.of("currentYearGrant", "priorYearCarryover", "other")) {
            JsonNode sub = project.at("/funds/" + line);
            if (sub.isObject()) {
                for (String column : List.of("initialBudget", "annualBudget", "executed")) {
                    anyNonZero |= sub.get(column)
                                    .decimalValue()
                                    .setScale(4, RoundingMode.HALF_UP)
                                    .signum()
                            != 0;
                }
                sum = sum.add(sub.get("annualBudget").decimalValue().setScale(4, RoundingMode.HALF_UP));
            }
        }
        return anyNonZero ? sum : BigDecimal.ZERO;
    }

    /** Every number in the evaluation JSON has at most two decimals. */
    private static void checkJson(JsonNode node) {
        if (node.isNumber()) {
            assertThat(node.decimalValue().scale()).isLessThanOrEqualTo(2);
        }
        node.forEach(ReportEvaluatorPropertyTest::checkJson);
    }
}
