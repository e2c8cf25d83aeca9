package cn.jixiao.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ColumnWidthsTest {

    @Test
    void chineseCountsDoubleAndWidthsStayWithinBounds() {
        assertThat(ColumnWidths.display("单位编码")).isEqualTo(8);
        assertThat(ColumnWidths.display("430423-XZSP")).isEqualTo(11);
        assertThat(ColumnWidths.display("（万元）")).isEqualTo(8);
        ColumnWidths widths = new ColumnWidths(3);
        widths.see(0, "衡山县行政审批服务局");
        widths.see(1, "x".repeat(500));
        assertThat(widths.width(0)).isEqualTo(22 * 256);
        assertThat(widths.width(1)).isEqualTo(ColumnWidths.MAX * 256);
        assertThat(widths.width(2)).isEqualTo(ColumnWidths.MIN * 256);
    }

    @Test
    void theUnitsExecutionRateIsAFractionHalfUpAtAHundredthOfAPercent() {
        assertThat(SummaryWorkbook.rate(new BigDecimal("390"), new BigDecimal("400")))
                .isEqualByComparingTo("0.975");
        assertThat(SummaryWorkbook.rate(new BigDecimal("1"), new BigDecimal("3")))
                .isEqualByComparingTo("0.3333");
        assertThat(SummaryWorkbook.rate(new BigDecimal("1"), BigDecimal.ZERO)).isNull();
        assertThat(SummaryWorkbook.rate(null, BigDecimal.TEN)).isNull();
    }
}
