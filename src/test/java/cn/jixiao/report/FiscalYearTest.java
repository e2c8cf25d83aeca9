package cn.jixiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @Test
    void readsIntegersAndYearsAsTyped() {
        assertThat(FiscalYear.read(2023)).contains(2023);
        assertThat(FiscalYear.read(2023L)).contains(2023);
        assertThat(FiscalYear.read("２０２３")).contains(2023);
        assertThat(FiscalYear.read("2023年")).contains(2023);
        assertThat(FiscalYear.read(" 2100 ")).contains(2100);
    }

    @Test
    void refusesWhatIsNoYear() {
        assertThat(FiscalYear.read(1999)).isEmpty();
        assertThat(FiscalYear.read(2023.5)).isEmpty();
        assertThat(FiscalYear.read("4294969319"))
                .as("no wrap-around into the range")
                .isEmpty();
        assertThat(FiscalYear.read("二〇二三")).isEmpty();
        assertThat(FiscalYear.read(null)).isEmpty();
        assertThat(FiscalYear.problem("abc")).contains("年度").contains("实填abc");
    }
}
