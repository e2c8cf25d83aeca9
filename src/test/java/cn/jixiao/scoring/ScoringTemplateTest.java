package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The template files: the built-ins as shipped, and the files a template refuses. */
class ScoringTemplateTest {

    @Test
    void theNationalFileIsTheStandardShares() {
        ScoringTemplate file = TemplateCatalog.readBuiltIn("national");
        ScoringTemplate configured = ScoringTemplate.national(ScoringSettings.defaults());
        assertThat(file.fundsWeight()).isEqualByComparingTo(configured.fundsWeight());
        assertThat(file.indicatorTotal()).isEqualByComparingTo(configured.indicatorTotal());
        for (Level1 level : Level1.values()) {
            assertThat(file.levelShares().get(level))
                    .isEqualByComparingTo(configured.levelShares().get(level));
        }
        assertThat(file.executionBase()).isEqualTo(ScoringTemplate.ExecutionBase.ANNUAL_BUDGET);
        assertThat(file.gradeBands()).as("graded by the deployed DMN table").isEmpty();
    }

    @Test
    void sichuanSplitsNinetyFreelyOnTheAdjustedBudget() {
        ScoringTemplate sichuan = TemplateCatalog.builtIn(ScoringSettings.defaults())
                .find("sichuan")
                .orElseThrow();
        assertThat(sichuan.freeSplit()).isTrue();
        assertThat(sichuan.fundsWeight()).isEqualByComparingTo("10");
        assertThat(sichuan.indicatorTotal()).isEqualByComparingTo("90");
        assertThat(sichuan.executionBase()).isEqualTo(ScoringTemplate.ExecutionBase.ADJUSTED_BUDGET);
        assertThat(sichuan.lowExecutionReasonBelow()).isEqualByComparingTo("90");
        assertThat(sichuan.expectedFields())
                .extracting(ScoringTemplate.ExpectedField::label)
                .containsExactly("评价结论", "存在问题", "改进措施");
    }

    @Test
    void configuredSharesReplaceTheNationalFile() {
        ScoringSettings bureau =
                new ScoringSettings(new BigDecimal(40), new BigDecimal(40), BigDecimal.TEN, BigDecimal.TEN);
        ScoringTemplate national =
                TemplateCatalog.builtIn(bureau).find("national").orElseThrow();
        assertThat(national.levelShares().get(Level1.OUTPUT)).isEqualByComparingTo("40");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\": \"Hubei\", \"fundsWeight\": 20, \"indicatorTotal\": 80}",
                "{\"id\": \"hubei\", \"fundsWeight\": 20, \"indicatorTotal\": 90}",
                "{\"id\": \"hubei\", \"fundsWeight\": -10, \"indicatorTotal\": 110}",
                "{\"id\": \"hubei\", \"fundsWeight\": 20}",
                "{\"id\": \"hubei\", \"fundsWeight\": 20, \"indicatorTotal\": 80, \"levelShares\": {\"产出指标\": 50, \"效益指标\": 20, \"满意度指标\": 20}}",
                "{\"id\": \"hubei\", \"fundsWeight\": 20, \"indicatorTotal\": 80, \"executionBase\": \"executed\"}",
                "{\"id\": \"hubei\", \"fundsWeight\": 20, \"indicatorTotal\": 80, \"gradeBands\": [{\"grade\": \"良\", \"atLeast\": 80}, {\"grade\": \"优\", \"atLeast\": 90}]}",
                "{\"id\": \"hubei\", \"fundsWeight\": 20, \"indicatorTotal\": 80, \"expectedFields\": [{\"pointer\": \"conclusion\", \"label\": \"评价结论\"}]}",
                "[]"
            })
    void aFileThatWouldScoreNonsenseIsRefused(String json) {
        assertThatThrownBy(() -> ScoringTemplate.fromJson(Samples.json(json)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
