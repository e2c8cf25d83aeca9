package cn.jixiao.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FundsScoringTest {

    @ParameterizedTest
    @CsvSource({
        "390, 400, 10, 97.50, 9.75",
        "400, 400, 10, 100.00, 10.00",
        "410, 400, 10, 102.50, 10.00",
        "0, 400, 10, 0.00, 0.00",
        // 1 / 3: 33.33%, 3.33 points; 2 / 3: 66.67%, 6.67 points (half-up)
        "1, 3, 10, 33.33, 3.33",
        "2, 3, 10, 66.67, 6.67",
        // the score comes from the exact rate, not the rounded one: 0.99995 * 10 = 9.9995 -> 10.00
        "19999, 20000, 10, 100.00, 10.00",
        "1, 1000000000000000, 10, 0.00, 0.00",
        "1000000000000000, 0.01, 10, 10000000000000000000.00, 10.00",
    })
    void rateAndScore(BigDecimal executed, BigDecimal budget, BigDecimal weight, BigDecimal rate, BigDecimal score) {
        assertThat(FundsScoring.executionRatePercent(executed, budget)).isEqualByComparingTo(rate);
        assertThat(FundsScoring.fundsScore(executed, budget, weight)).isEqualByComparingTo(score);
    }

    @Test
    void zeroBudgetGivesNoRateAndNoScore() {
        assertThat(FundsScoring.executionRatePercent(BigDecimal.TEN, BigDecimal.ZERO))
                .isNull();
        assertThat(FundsScoring.fundsScore(BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN))
                .isEqualByComparingTo("0");
    }
}
