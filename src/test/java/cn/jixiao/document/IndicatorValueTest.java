package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 指标性质 and 度量单位 written into the 年度指标值 and 实际完成值 cells, never doubled, never onto words. */
class IndicatorValueTest {

    @ParameterizedTest(name = "{0} | {1} | {2} | {3} -> {4} | {5}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                // nature | target | unit | actual -> target cell | actual cell
                "null | ≥17个 | null | 18个 | ≥17个 | 18个",
                "= | 100 | % | 100 | =100% | 100%",
                "≥ | 90 | % | 95.5 | ≥90% | 95.5%",
                "≤ | ≤400万元 | 万元 | 380万元 | ≤400万元 | 380万元",
                "＝ | 100% | % | =100% | ＝100% | =100%",
                "= | 按时完成 | null | 按时完成 | 按时完成 | 按时完成",
                "null | 17 | 个 | null | 17个 | null",
                "正向指标 | 17 | 个 | 20 | 17个\\n(正向指标) | 20个",
                "定性指标 | null | null | 好 | (定性指标) | 好",
                "null | null | % | null | null | null",
                "≥ | null | % | 90 | null | 90%"
            })
    void valuesCarryTheirNatureAndUnitOnce(
            String nature, String target, String unit, String actual, String targetCell, String actualCell) {
        ObjectNode indicator = Fixtures.MAPPER.createObjectNode();
        indicator
                .put("nature", nature)
                .put("target", target)
                .put("measureUnit", unit)
                .put("actual", actual);

        assertThat(IndicatorValue.target(indicator))
                .isEqualTo(targetCell == null ? null : targetCell.replace("\\n", "\n"));
        assertThat(IndicatorValue.actual(indicator)).isEqualTo(actualCell);
    }
}
