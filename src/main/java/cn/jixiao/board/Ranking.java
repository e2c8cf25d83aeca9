package cn.jixiao.board;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 名次 by 总分 among the year's accepted and published reports, ties sharing a rank and the next rank skipping as
 * many places (95, 90, 90, 85 rank 1, 2, 2, 4: "standard competition ranking", as league tables and the bureau's
 * 汇总表 do). Reports without a 总分 have no rank.
 */
public final class Ranking {

    private Ranking() {}

    /** The rank of each key with a score; keys with a null score are left out. */
    public static <K> Map<K, Integer> of(Map<K, BigDecimal> scores) {
        List<Map.Entry<K, BigDecimal>> ranked = new ArrayList<>();
        scores.entrySet().stream().filter(e -> e.getValue() != null).forEach(ranked::add);
        ranked.sort(Map.Entry.comparingByValue(Comparator.reverseOrder()));
        Map<K, Integer> ranks = new HashMap<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < ranked.size(); i++) {
            BigDecimal score = ranked.get(i).getValue();
            if (previous == null || score.compareTo(previous) != 0) {
                rank = i + 1;
                previous = score;
            }
            ranks.put(ranked.get(i).getKey(), rank);
        }
        return ranks;
    }

    /** The rank of one score given how many ranked scores are strictly higher (what one SQL count answers). */
    public static int fromHigherCount(long higher) {
        return (int) higher + 1;
    }
}
