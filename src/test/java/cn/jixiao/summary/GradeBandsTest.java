package cn.jixiao.summary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.scoring.GradeTable;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GradeBandsTest {

    static GradeTable bands(String... boundsAndGrades) {
        return score -> {
            if (score.compareTo(BigDecimal.valueOf(100)) > 0) {
                return null;
            }
            for (int i = 0; i < boundsAndGrades.length; i += 2) {
                if (score.compareTo(new BigDecimal(boundsAndGrades[i])) >= 0) {
                    return boundsAndGrades[i + 1];
                }
            }
            return "差";
        };
    }

    @Test
    void theDefaultBandsReadBackFromTheTableInForce() {
        AtomicInteger asked = new AtomicInteger();
        GradeTable table = bands("90", "优", "80", "良", "60", "中");
        GradeTable counting = score -> {
            asked.incrementAndGet();
            return table.gradeFor(score);
        };
        assertThat(GradeBands.of(counting).stream().map(GradeBands.Band::text))
                .containsExactly(
                        "优：90.00 ≤ 总分 ≤ 100.00", "良：80.00 ≤ 总分 ≤ 89.99", "中：60.00 ≤ 总分 ≤ 79.99", "差：0.00 ≤ 总分 ≤ 59.99");
        assertThat(asked.get()).as("about 130 evaluations, not 10,001").isLessThan(200);
    }

    @Test
    void boundsBetweenWholePointsAreFoundToTheCent() {
        assertThat(GradeBands.of(bands("89.5", "优", "79.75", "良", "60.01", "中")).stream()
                        .map(GradeBands.Band::text))
                .containsExactly(
                        "优：89.50 ≤ 总分 ≤ 100.00", "良：79.75 ≤ 总分 ≤ 89.49", "中：60.01 ≤ 总分 ≤ 79.74", "差：0.00 ≤ 总分 ≤ 60.00");
    }
}
