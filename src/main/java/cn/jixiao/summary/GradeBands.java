package cn.jixiao.summary;

import cn.jixiao.scoring.GradeTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The grade bands in force, read back from the deployed grade table (the DMN the bureau may redeploy) for the 说明
 * sheet: the table is asked at every whole point from 0 to 100 and, where the grade changes between two points, the
 * exact boundary is found to 0.01 by halving — about 130 evaluations instead of 10,001. Bands are listed from the
 * top down, each as its lowest and highest score at two decimals.
 */
final class GradeBands {

    record Band(String grade, BigDecimal from, BigDecimal to) {
        String text() {
            return grade + "：" + from.toPlainString() + " ≤ 总分 ≤ " + to.toPlainString();
        }
    }

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private GradeBands() {}

    static List<Band> of(GradeTable table) {
        List<Band> bands = new ArrayList<>();
        BigDecimal start = BigDecimal.ZERO.setScale(2);
        String grade = table.gradeFor(start);
        for (int point = 1; point <= 100; point++) {
            BigDecimal at = BigDecimal.valueOf(point).setScale(2);
            String next = table.gradeFor(at);
            if (!same(grade, next)) {
                // The first score in (point - 1, point] with the new grade.
                BigDecimal low = at.subtract(BigDecimal.ONE);
                BigDecimal high = at;
                while (high.subtract(low).compareTo(CENT) > 0) {
                    BigDecimal mid = low.add(high).divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN);
                    if (same(table.gradeFor(mid), grade)) {
                        low = mid;
                    } else {
                        high = mid;
                    }
                }
                add(bands, grade, start, high.subtract(CENT));
                start = high;
                grade = table.gradeFor(high);
                // Another change inside the same point would be a band narrower than a point: look again from here.
                point = high.intValue();
                continue;
            }
            grade = next;
        }
        add(bands, grade, start, BigDecimal.valueOf(100).setScale(2));
        java.util.Collections.reverse(bands);
        return bands;
    }

    private static void add(List<Band> bands, String grade, BigDecimal from, BigDecimal to) {
        if (grade != null) {
            bands.add(new Band(grade, from, to));
        }
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
