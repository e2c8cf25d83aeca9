package cn.jixiao.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoardQueryTest {

    @Test
    void unknownValuesAreIgnoredNeverAnError() {
        BoardQuery q = BoardQuery.read("<script>", "maybe", "  ", "", "1; DROP TABLE jx_report", "sideways", "-3");
        assertThat(q).isEqualTo(BoardQuery.all());
        assertThat(q.where().sql()).isEmpty();
        assertThat(q.orderBy()).isEqualTo(" ORDER BY COALESCE(u.name, cu.unit_code) ASC NULLS LAST, cu.unit_code");
    }

    @Test
    void filtersBecomeBoundParameters() {
        BoardQuery q = BoardQuery.read("financeReview", "1", "衡山县人民政府", "教育_100%", "score", "desc", "3");
        assertThat(q.where().sql())
                .isEqualTo(" AND r.stage = ? AND cu.overdue = ? AND u.supervisor = ?"
                        + " AND (LOWER(u.name) LIKE ? ESCAPE '!' OR LOWER(cu.unit_code) LIKE ? ESCAPE '!')");
        assertThat(q.where().args()).containsExactly("financeReview", true, "衡山县人民政府", "%教育!_100!%%", "%教育!_100!%%");
        assertThat(q.orderBy()).startsWith(" ORDER BY r.total_score DESC NULLS LAST");
        assertThat(q.offset()).isEqualTo(100);
    }

    @Test
    void notStartedMeansNoReport() {
        assertThat(BoardQuery.read("notStarted", null, null, null, null, null, null)
                        .where()
                        .sql())
                .isEqualTo(" AND r.instance_id IS NULL");
    }

    @Test
    void sortingByAColumnTwiceTurnsTheDirectionAndGoesBackToPageOne() {
        BoardQuery q = BoardQuery.read(null, null, null, null, "unit", null, "4");
        assertThat(q.sortedBy("unit").descending()).isTrue();
        assertThat(q.sortedBy("unit").page()).isEqualTo(1);
        assertThat(q.sortedBy("score").descending())
                .as("scores first from the top")
                .isTrue();
        assertThat(q.sortedBy("supervisor").descending()).isFalse();
    }

    @Test
    void theQueryStringKeepsTheFiltersEncoded() {
        BoardQuery q = BoardQuery.read("drafting", "1", "县 政府&", "a b", "score", "desc", "2");
        assertThat(q.queryString())
                .isEqualTo("stage=drafting&overdue=1&supervisor=%E5%8E%BF+%E6%94%BF%E5%BA%9C%26&q=a+b"
                        + "&sort=score&dir=desc&page=2");
        assertThat(BoardQuery.read(q.stage(), "1", q.supervisor(), q.search(), q.sort(), "desc", "2"))
                .isEqualTo(q);
    }

    @Test
    void everySortKeyHasAnExpression() {
        for (String key : BoardQuery.SORTS.keySet()) {
            assertThat(BoardQuery.read(null, null, null, null, key, null, null).sort())
                    .isEqualTo(key);
        }
    }
}
