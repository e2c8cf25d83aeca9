package cn.jixiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedNumberTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1,000        | 1000",
                "1,234.5      | 1234.5",
                "2,000        | 2000",
                "１２３        | 123",
                "１，２３４．５６ | 1234.56",
                "1，000万元     | 1000",
                "12.5 万元     | 12.5",
                "'  88.80 '   | 88.80",
                "1,234,567.89 | 1234567.89",
                "-5.2         | -5.2",
                "－５．２       | -5.2",
                "0            | 0",
                "12。5        | 12.5",
            })
    void readsWhatPeopleTypeExactly(String typed, String expected) {
        TypedNumber.Reading reading = TypedNumber.read(typed, "万元", 2);
        assertThat(reading.problem()).isNull();
        assertThat(reading.value()).isEqualByComparingTo(new BigDecimal(expected));
        // Exactly what was typed: 88.80 keeps its scale, nothing is rounded.
        assertThat(reading.value().toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "12.345  | 最多2位小数",
                "1O0     | 「O」不是数字",
                "1,00    | 千分位逗号位置不对",
                "1,5     | 千分位逗号位置不对",
                "12,34.5 | 千分位逗号位置不对",
                "1.2.3   | 只能有一个小数点",
                "abc     | 只能填写数字",
                "万元     | 只能填写数字",
                "1e3     | 「e」不是数字",
                "12.     | 小数点前后都要有数字",
                "100元   | 「元」不是数字",
            })
    void refusesWhatItWouldHaveToGuess(String typed, String problem) {
        TypedNumber.Reading reading = TypedNumber.read(typed, "万元", 2);
        assertThat(reading.value()).isNull();
        assertThat(reading.problem()).contains(problem);
    }

    @ParameterizedTest(name = "integer field: {0}")
    @CsvSource(
            delimiter = '|',
            value = {"14|14", "１４|14", "2023年|2023"})
    void integersReadWithoutDecimals(String typed, String expected) {
        assertThat(TypedNumber.read(typed, "年", 0).value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "integer field refuses {0}")
    @CsvSource({"14.0", "14.5"})
    void integersRefuseDecimals(String typed) {
        assertThat(TypedNumber.read(typed, null, 0).problem()).contains("应为整数");
    }

    @ParameterizedTest(name = "blank {0} is no value")
    @CsvSource({"''", "'   '", "'\u3000'"})
    void blankIsNoValueAndNoProblem(String typed) {
        TypedNumber.Reading reading = TypedNumber.read(typed, "万元", 2);
        assertThat(reading.value()).isNull();
        assertThat(reading.problem()).isNull();
    }
}
