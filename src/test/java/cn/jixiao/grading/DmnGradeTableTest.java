package cn.jixiao.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/grade.dmn evaluated through the Camunda DMN engine. */
class DmnGradeTableTest {

    private static final DmnGradeTable TABLE = new DmnGradeTable();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "100, 优",
                "90, 优",
                "90.00, 优",
                "94.75, 优",
                "89.99, 良",
                "80, 良",
                "79.99, 中",
                "60, 中",
                "59.99, 差",
                "0, 差",
                "100.01, null",
                "105.75, null"
            })
    void bands(BigDecimal total, String grade) {
        assertThat(TABLE.gradeFor(total)).isEqualTo(grade);
    }

    @Test
    void nullTotalHasNoGrade() {
        assertThat(TABLE.gradeFor(null)).isNull();
    }

    @Test
    void decisionIsTheUniqueFeelTableOfRulesMd() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DmnGradeTable.RESOURCE)) {
            DmnModelInstance model = Dmn.readModelFromStream(in);
            assertThat(model.getDefinitions().getNamespace()).isNotBlank();
            Decision decision = model.getModelElementById("grade");
            assertThat(decision.getName()).isEqualTo("评价等级");
            DecisionTable table = (DecisionTable) decision.getExpression();
            assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
            assertThat(table.getInputs()).singleElement().satisfies(input -> {
                assertThat(input.getInputExpression().getTypeRef()).isEqualTo("double");
                assertThat(input.getInputExpression().getText().getTextContent())
                        .isEqualTo("totalScore");
            });
            assertThat(table.getOutputs()).singleElement().satisfies(output -> {
                assertThat(output.getName()).isEqualTo("grade");
                assertThat(output.getTypeRef()).isEqualTo("string");
            });
            assertThat(table.getRules())
                    .extracting(
                            rule -> rule.getInputEntries()
                                    .iterator()
                                    .next()
                                    .getText()
                                    .getTextContent(),
                            rule -> rule.getOutputEntries()
                                    .iterator()
                                    .next()
                                    .getText()
                                    .getTextContent())
                    .containsExactly(
                            tuple("[90..100]", "\"优\""),
                            tuple("[80..90[", "\"良\""),
                            tuple("[60..80[", "\"中\""),
                            tuple("< 60", "\"差\""));
        }
    }

    @Test
    void evaluatesThroughTheEngineWithIntegerAndDoubleInputs() {
        DmnEngine engine =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision decision =
                engine.parseDecision("grade", getClass().getClassLoader().getResourceAsStream(DmnGradeTable.RESOURCE));
        assertThat((String) engine.evaluateDecision(
                                decision, Variables.createVariables().putValue("totalScore", 80))
                        .getSingleEntry())
                .isEqualTo("良");
        assertThat((String) engine.evaluateDecision(
                                decision, Variables.createVariables().putValue("totalScore", 59.99d))
                        .getSingleEntry())
                .isEqualTo("差");
    }

    @Test
    void aTableFromAnotherSourceCanBeUsed() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
                  <decision id="grade" name="评价等级">
                    <decisionTable id="t" hitPolicy="UNIQUE">
                      <input id="i"><inputExpression id="e" typeRef="number"><text>totalScore</text></inputExpression></input>
                      <output id="o" name="grade" typeRef="string"/>
                      <rule id="r"><inputEntry id="ie"><text>&gt;= 85</text></inputEntry>
                        <outputEntry id="oe"><text>"优"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        DmnGradeTable table = new DmnGradeTable(
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine(),
                new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
        assertThat(table.gradeFor(new BigDecimal("85"))).isEqualTo("优");
        assertThat(table.gradeFor(new BigDecimal("84.99"))).isNull();
    }

    @Test
    void missingDecisionFailsAtConstruction() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x"/>
                """;
        assertThatThrownBy(() -> new DmnGradeTable(
                        DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                                .buildEngine(),
                        new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void evaluatesConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = IntStream.range(0, 400)
                    .mapToObj(k -> pool.submit(() -> TABLE.gradeFor(BigDecimal.valueOf(k % 4 == 0 ? 95 : 85))))
                    .toList();
            for (int k = 0; k < results.size(); k++) {
                assertThat(results.get(k).get()).isEqualTo(k % 4 == 0 ? "优" : "良");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void gradesWorkedOutBeforeAreTheTablesOwnAnswersInAnyOrder() {
        // One table graded every hundredth from 0 to 101 upwards, another downwards; each answer is the DMN's own,
        // evaluated afresh by a third table for that score alone, so a remembered grade never answers another score.
        DmnGradeTable up = new DmnGradeTable();
        DmnGradeTable down = new DmnGradeTable();
        List<BigDecimal> scores = IntStream.rangeClosed(0, 10_100)
                .mapToObj(i -> BigDecimal.valueOf(i, 2))
                .toList();
        List<String> upwards = scores.stream().map(up::gradeFor).toList();
        String[] downwards = new String[scores.size()];
        for (int i = scores.size() - 1; i >= 0; i--) {
            downwards[i] = down.gradeFor(scores.get(i));
        }

        assertThat(java.util.Arrays.asList(downwards)).isEqualTo(upwards);
        for (BigDecimal score : List.of(
                new BigDecimal("59.99"), new BigDecimal("60"), new BigDecimal("80.00"), new BigDecimal("100.01"))) {
            assertThat(up.gradeFor(score)).as("%s", score).isEqualTo(new DmnGradeTable().gradeFor(score));
        }
        assertThat(up.gradeFor(new BigDecimal("90.0"))).isEqualTo(up.gradeFor(new BigDecimal("90.000")));
        assertThat(up.gradeFor(new BigDecimal("100.01"))).isNull();
        assertThat(up.gradeFor(new BigDecimal("100.01")))
                .as("an unmatched score, asked again")
                .isNull();
    }
}
