package cn.jixiao.board;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the board shows above its table, counted in one pass over the year's units as one query reads them
 * (stage, overdue, day of first submission, 总分, 等级, 主管部门): units by stage and overdue, submissions per day,
 * 总分 per 5-point bin and 等级 per 主管部门 of the submitted reports, and the 主管部门 for the filter. One scan instead
 * of one GROUP BY per figure: the board of 10,000 units reads the join once.
 */
final class Tally {

    /** Reports past the unit's own review: they count in the score and grade charts. */
    private static final java.util.Set<String> SUBMITTED =
            java.util.Set.of("internalReview", "financeReview", "accepted", "published");

    private static final BigDecimal WIDTH = BigDecimal.valueOf(Histogram.WIDTH);

    private final Map<String, Long> byStage = new LinkedHashMap<>();
    private long overdue;
    private long total;
    private final TreeMap<LocalDate, Long> perDay = new TreeMap<>();
    private final Map<Integer, Long> bins = new TreeMap<>();
    private final TreeMap<String, Map<String, Long>> grades = new TreeMap<>();
    private final TreeSet<String> supervisors = new TreeSet<>();

    static final String NO_SUPERVISOR = "（未填主管部门）";

    Tally() {
        StageNames.ORDER.forEach(s -> byStage.put(s, 0L));
    }

    /** One unit of the campaign; stage null means 未开始. */
    void add(
            String stage, boolean isOverdue, LocalDate submittedOn, BigDecimal score, String grade, String supervisor) {
        total++;
        byStage.merge(stage == null ? StageNames.NOT_STARTED : stage, 1L, Long::sum);
        overdue += isOverdue ? 1 : 0;
        if (submittedOn != null) {
            perDay.merge(submittedOn, 1L, Long::sum);
        }
        if (supervisor != null) {
            supervisors.add(supervisor);
        }
        if (stage != null && SUBMITTED.contains(stage)) {
            if (score != null) {
                bins.merge(score.divide(WIDTH, 0, RoundingMode.FLOOR).intValue(), 1L, Long::sum);
            }
            if (grade != null) {
                grades.computeIfAbsent(supervisor == null ? NO_SUPERVISOR : supervisor, s -> new LinkedHashMap<>())
                        .merge(grade, 1L, Long::sum);
            }
        }
    }

    BoardStore.Counts counts() {
        return new BoardStore.Counts(byStage, overdue, total);
    }

    Map<LocalDate, Long> submissionsPerDay() {
        return perDay;
    }

    /** Submitted reports per {@code FLOOR(总分 / 5)}. */
    Map<Integer, Long> scoreBins() {
        return bins;
    }

    List<BoardStore.SupervisorGrade> gradesBySupervisor() {
        List<BoardStore.SupervisorGrade> rows = new ArrayList<>();
        grades.forEach((supervisor, counts) ->
                counts.forEach((grade, count) -> rows.add(new BoardStore.SupervisorGrade(supervisor, grade, count))));
        return rows;
    }

    List<String> supervisors() {
        return new ArrayList<>(supervisors);
    }
}
