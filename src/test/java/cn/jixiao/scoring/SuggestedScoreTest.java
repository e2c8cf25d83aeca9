package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestedScoreTest {

    @ParameterizedTest(name = "{0} vs {1} of {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                // higher is better: met, just not met, not met
                "≥17个     | 17个     | 10 | 10.00",
                "≥17个     | 18个     | 10 | 10.00",
                "≥17个     | 15个     | 10 | 8.82",
                "95%      | 95%      | 20 | 20.00",
                "100%     | 97.5%    | 20 | 19.50",
                ">3       | 3        | 6  | 6.00",
                ">3       | 1        | 6  | 2.00",
                "≥0       | 0        | 5  | 5.00",
                "≥1/3     | 0        | 5  | null",
                // lower is better
                "≤400万元  | 400万元   | 15 | 15.00",
                "≤400万元  | 410万元   | 15 | 14.63",
                "<5天     | 4天       | 8  | 8.00",
                "<5天     | 10天      | 8  | 4.00",
                "<0       | 0        | 8  | null",
                // division by a zero target
                ">0       | 0        | 8  | null",
                // units
                "≥17个     | 15项     | 10 | null",
                "≥17      | 15个     | 10 | 8.82",
                "≥17个     | 15       | 10 | 8.82",
                // unreadable target or actual
                "万元      | 100%     | 10 | null",
                "按时完成   | 100%     | 15 | null",
                "95%      | 按时完成   | 15 | null",
                "95%      | ≥96%     | 15 | 15.00",
                "≥95%     | ≥90%     | 15 | 14.21",
                "≤400万元  | ≤410万元  | 15 | 14.63",
                "100%     | =100%    | 15 | 15.00",
                "null     | 100%     | 15 | null",
                "95%      | null     | 15 | null",
                // half-up rounding: 1 / 8 * 1 = 0.125
                "8        | 1        | 1  | 0.13",
            })
    void suggestion(String target, String actual, BigDecimal weight, BigDecimal expected) {
        BigDecimal suggested = SuggestedScore.suggest(target, actual, weight);
        if (expected == null) {
            assertThat(suggested).isNull();
        } else {
            assertThat(suggested).isEqualByComparingTo(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void hugeNumbersDoNotOverflow() {
        String big = "9".repeat(190);
        assertThat(SuggestedScore.suggest("≥" + big, "1", new BigDecimal(100))).isEqualByComparingTo("0");
        assertThat(SuggestedScore.suggest("≤1", big, new BigDecimal(100))).isEqualByComparingTo("0");
    }
}
