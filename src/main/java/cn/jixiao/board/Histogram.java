package cn.jixiao.board;

import cn.jixiao.scoring.GradeTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The distribution of 总分 for the board's chart: 20 bins of 5 points from 0 to 100 (100 itself in the last bin, a
 * score above 100 too, one below 0 in the first), each with the 等级 the deployed grade table gives its lower bound,
 * so the bars are coloured by the bands in force (优 [90,100], 良 [80,90), 中 [60,80), 差 below 60 by default) and
 * follow the bands if the bureau deploys new ones on 5-point bounds. The counts come from SQL (one GROUP BY).
 */
final class Histogram {

    static final int WIDTH = 5;
    static final int BINS = 20;

    record Bin(int from, int to, long count, String grade) {
        String label() {
            return from + "–" + to;
        }
    }

    private Histogram() {}

    /** Bins from the counts per {@code FLOOR(score / 5)} as the database gives them. */
    static List<Bin> of(Map<Integer, Long> countsByFloor, GradeTable grades) {
        long[] counts = new long[BINS];
        countsByFloor.forEach((floor, count) -> counts[Math.max(0, Math.min(BINS - 1, floor))] += count);
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            bins.add(new Bin(
                    i * WIDTH, (i + 1) * WIDTH, counts[i], grades.gradeFor(BigDecimal.valueOf((long) i * WIDTH))));
        }
        return bins;
    }
}
