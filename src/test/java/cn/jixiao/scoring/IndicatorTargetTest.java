package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.scoring.IndicatorTarget.Comparison;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorTargetTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "≥17个      | AT_LEAST  | 17    | 个",
                ">=17个     | AT_LEAST  | 17    | 个",
                "≧17个      | AT_LEAST  | 17    | 个",
                "不低于95%   | AT_LEAST  | 95    | %",
                "≤400万元    | AT_MOST   | 400   | 万元",
                "＜5天       | LESS_THAN | 5     | 天",
                "<5天       | LESS_THAN | 5     | 天",
                ">3         | MORE_THAN | 3     | ''",
                "95%        | AT_LEAST  | 95    | %",
                "１００％    | AT_LEAST  | 100   | %",
                "100%       | AT_LEAST  | 100   | %",
                "≥ 1,200 万元 | AT_LEAST | 1200  | 万元",
                "不超过2.5小时 | AT_MOST  | 2.5   | 小时",
                "=0         | AT_LEAST  | 0     | ''",
            })
    void readsComparisonNumberAndUnit(String text, Comparison comparison, BigDecimal value, String unit) {
        IndicatorTarget target = IndicatorTarget.parse(text).orElseThrow();
        assertThat(target.comparison()).isEqualTo(comparison);
        assertThat(target.value()).isEqualByComparingTo(value);
        assertThat(target.quantity().unit()).isEqualTo(unit);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"万元", "按时完成", "满意", "影响情况", "17-20个", "≥", "约17个", "1.2.3", "第3季度完成", "≥17个以上7", "-5"})
    void unreadableTargetsGiveNothing(String text) {
        assertThat(IndicatorTarget.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "≥17 | 17 | true", "≥17 | 16.99 | false",
                ">3 | 3 | false", ">3 | 3.01 | true",
                "≤400 | 400 | true", "≤400 | 400.01 | false",
                "<5 | 5 | false", "<5 | 4.99 | true",
                "95 | 95 | true", "95 | 94.99 | false",
            })
    void metAtTheBoundaries(String target, BigDecimal actual, boolean met) {
        assertThat(IndicatorTarget.parse(target).orElseThrow().isMetBy(actual)).isEqualTo(met);
    }
}
