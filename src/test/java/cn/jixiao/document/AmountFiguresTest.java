package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 自评表's fund lines show amounts as written, to the yuan (issue 18): 89.974 stays 89.974. */
class AmountFiguresTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "89.974, 89.974",
        "132.912, 132.912",
        "0.0001, 0.0001",
        "400, 400",
        "400.00, 400",
        "179.20, 179.2",
        "390.5, 390.5",
        "0, 0",
        "12.34565, 12.3457"
    })
    void amountsShowAsWritten(BigDecimal value, String shown) {
        assertThat(Figures.showAmount(value)).isEqualTo(shown);
    }
}
