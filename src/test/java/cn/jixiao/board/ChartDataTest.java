package cn.jixiao.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartDataTest {

    @Test
    void submissionsRunDayByDayUpToTheDeadlineWithARunningTotal() {
        LocalDate start = LocalDate.of(2024, 3, 1);
        Map<String, Object> s = ChartData.submissions(
                Map.of(LocalDate.of(2024, 3, 2), 2L, LocalDate.of(2024, 3, 4), 1L),
                LocalDate.of(2024, 3, 5),
                start,
                10);
        assertThat(s.get("days"))
                .isEqualTo(List.of("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05"));
        assertThat(s.get("counts")).isEqualTo(List.of(0L, 2L, 0L, 1L, 0L));
        assertThat(s.get("cumulative")).isEqualTo(List.of(0L, 2L, 2L, 3L, 3L));
        assertThat(s.get("deadline")).isEqualTo("2024-03-05");
    }

    @Test
    void lateSubmissionsExtendTheAxisAndAVeryLongRunIsCut() {
        Map<String, Object> late = ChartData.submissions(
                Map.of(LocalDate.of(2024, 3, 7), 1L), LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5), 1);
        assertThat((List<?>) late.get("days")).hasSize(3).last().isEqualTo("2024-03-07");
        Map<String, Object> early = ChartData.submissions(
                Map.of(LocalDate.of(2020, 1, 1), 5L), LocalDate.of(2024, 3, 5), LocalDate.of(2024, 1, 1), 9);
        List<?> cumulative = (List<?>) early.get("cumulative");
        assertThat(cumulative).hasSize(ChartData.MAX_DAYS + 1);
        assertThat(cumulative.get(0))
                .as("what came before the cut still counts")
                .isEqualTo(5L);
    }

    @Test
    void gradesBySupervisorAreStackedSeriesInTheGradeOrder() {
        Map<String, Object> g = ChartData.gradesBySupervisor(
                List.of(
                        new BoardStore.SupervisorGrade("A", "良", 2),
                        new BoardStore.SupervisorGrade("A", "优", 1),
                        new BoardStore.SupervisorGrade("B", "差", 4)),
                List.of("优", "良", "中", "差"));
        assertThat(g.get("supervisors")).isEqualTo(List.of("A", "B"));
        assertThat(g.get("series"))
                .isEqualTo(
                        Map.of("优", List.of(1L, 0L), "良", List.of(2L, 0L), "中", List.of(0L, 0L), "差", List.of(0L, 4L)));
    }
}
