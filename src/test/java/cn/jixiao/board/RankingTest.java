package cn.jixiao.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void tiesShareARankAndTheNextRankSkipsTheirPlaces() {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        scores.put("a", new BigDecimal("85"));
        scores.put("b", new BigDecimal("95.5"));
        scores.put("c", new BigDecimal("90"));
        scores.put("d", new BigDecimal("90.00"));
        scores.put("e", null);
        scores.put("f", new BigDecimal("70"));
        assertThat(Ranking.of(scores))
                .containsExactlyInAnyOrderEntriesOf(Map.of("b", 1, "c", 2, "d", 2, "a", 4, "f", 5));
    }

    @Test
    void allEqualAllFirst() {
        assertThat(Ranking.of(Map.of("a", BigDecimal.TEN, "b", BigDecimal.TEN)))
                .containsOnly(Map.entry("a", 1), Map.entry("b", 1));
        assertThat(Ranking.of(Map.<String, BigDecimal>of())).isEmpty();
    }

    @Test
    void theSqlCountOfHigherScoresGivesTheSameRank() {
        assertThat(Ranking.fromHigherCount(0)).isEqualTo(1);
        assertThat(Ranking.fromHigherCount(3)).isEqualTo(4);
    }
}
