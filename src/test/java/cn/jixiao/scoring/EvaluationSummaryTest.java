package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationSummaryTest {

    private static ProjectEvaluation project(String name, String total, String grade) {
        return new ProjectEvaluation(
                name,
                new BigDecimal("97.5"),
                new BigDecimal("9.75"),
                List.of(),
                List.of(),
                new BigDecimal(total),
                grade);
    }

    @Test
    void scoresComeFirstThenErrorsThenWarnings() {
        Evaluation evaluation = new Evaluation(
                List.of(project("大综窗标准化改革", "105.75", null)),
                List.of(
                        Finding.warning(
                                "ASSETS_EQUATION",
                                "/budget/assets/netAssets",
                                "资产总额1190.97万元减负债总额0.00万元应等于净资产，实填554.07万元"),
                        Finding.error("WEIGHT_TOTAL_NOT_100", "/projects/0", "分值合计应为100.00，实为111.00")));

        String text = EvaluationSummary.text(evaluation);

        assertThat(text.lines().toList()).hasSize(4);
        assertThat(text.lines().toList().get(0))
                .startsWith("【得分】项目「大综窗标准化改革」")
                .contains("总分105.75分")
                .contains("暂不评级");
        assertThat(text.lines().toList().get(1)).contains("错误1项").contains("提醒1项");
        assertThat(text.lines().toList().get(2)).isEqualTo("【错误】分值合计应为100.00，实为111.00");
        assertThat(text.lines().toList().get(3)).startsWith("【提醒】资产总额");
    }

    @Test
    void withSeveralProjectsAProjectsFindingNamesItsProject() {
        Evaluation evaluation = new Evaluation(
                List.of(project("甲项目", "96.8", null), project("乙项目", "97.5", null)),
                List.of(
                        Finding.error("WEIGHT_TOTAL_NOT_100", "/projects/1", "分值合计应为100.00，实为105.00"),
                        Finding.warning("ASSETS_EQUATION", "/budget/assets/netAssets", "净资产不符")));

        String text = EvaluationSummary.text(evaluation);

        assertThat(text).contains("【错误】项目「乙项目」：分值合计应为100.00，实为105.00").contains("【提醒】净资产不符");
    }

    @Test
    void aCleanReportSaysSo() {
        String text = EvaluationSummary.text(new Evaluation(List.of(project("大综窗标准化改革", "94.75", "优")), List.of()));
        assertThat(text).contains("等级：优").contains("【校验】未发现问题。");
    }
}
