package cn.jixiao.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void oneScanCountsStagesOverdueDaysBinsAndGrades() {
        Tally t = new Tally();
        LocalDate day = LocalDate.of(2024, 3, 30);
        t.add(null, true, null, null, null, "县政府");
        t.add("drafting", true, null, new BigDecimal("70"), null, "县政府");
        t.add("internalReview", false, day, new BigDecimal("94.75"), "优", "县政府");
        t.add("accepted", false, day, new BigDecimal("90.00"), "优", "教育局");
        t.add("published", true, day.plusDays(3), new BigDecimal("59.99"), "差", null);
        t.add("financeReview", false, day.plusDays(1), new BigDecimal("100"), "优", "教育局");
        BoardStore.Counts counts = t.counts();
        assertThat(counts.byStage())
                .containsExactly(
                        Map.entry("notStarted", 1L),
                        Map.entry("drafting", 1L),
                        Map.entry("internalReview", 1L),
                        Map.entry("financeReview", 1L),
                        Map.entry("accepted", 1L),
                        Map.entry("published", 1L));
        assertThat(counts.overdue()).isEqualTo(3);
        assertThat(counts.total()).isEqualTo(6);
        assertThat(t.submissionsPerDay())
                .containsExactly(Map.entry(day, 2L), Map.entry(day.plusDays(1), 1L), Map.entry(day.plusDays(3), 1L));
        assertThat(t.scoreBins())
                .as("drafting reports are not in the chart")
                .containsExactly(Map.entry(11, 1L), Map.entry(18, 2L), Map.entry(20, 1L));
        assertThat(t.gradesBySupervisor())
                .containsExactly(
                        new BoardStore.SupervisorGrade("县政府", "优", 1),
                        new BoardStore.SupervisorGrade("教育局", "优", 2),
                        new BoardStore.SupervisorGrade(Tally.NO_SUPERVISOR, "差", 1));
        assertThat(t.supervisors()).isEqualTo(List.of("县政府", "教育局"));
    }
}
