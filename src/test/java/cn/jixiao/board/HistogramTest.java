package cn.jixiao.board;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.scoring.GradeTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramTest {

    /** The default bands: 优 [90,100], 良 [80,90), 中 [60,80), 差 below 60. */
    static final GradeTable BANDS = score -> score.compareTo(BigDecimal.valueOf(100)) > 0
            ? null
            : score.compareTo(BigDecimal.valueOf(90)) >= 0
                    ? "优"
                    : score.compareTo(BigDecimal.valueOf(80)) >= 0
                            ? "良"
                            : score.compareTo(BigDecimal.valueOf(60)) >= 0 ? "中" : "差";

    @Test
    void twentyBinsColouredByTheGradeBands() {
        List<Histogram.Bin> bins = Histogram.of(Map.of(18, 3L, 19, 2L, 20, 1L, 11, 4L, -1, 1L, 25, 1L), BANDS);
        assertThat(bins).hasSize(20);
        assertThat(bins.get(0).count()).as("below 0 in the first bin").isEqualTo(1);
        assertThat(bins.get(11)).isEqualTo(new Histogram.Bin(55, 60, 4, "差"));
        assertThat(bins.get(12).grade()).isEqualTo("中");
        assertThat(bins.get(16).grade()).isEqualTo("良");
        assertThat(bins.get(18)).isEqualTo(new Histogram.Bin(90, 95, 3, "优"));
        assertThat(bins.get(19).count()).as("95–100, 100 itself and above").isEqualTo(4);
        assertThat(bins.stream().mapToLong(Histogram.Bin::count).sum()).isEqualTo(12);
        assertThat(bins.get(19).label()).isEqualTo("95–100");
    }
}
