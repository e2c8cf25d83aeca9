package cn.jixiao.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The data of the board's three charts, shaped for ECharts (category axes and series arrays) from the database's
 * aggregates: submissions per day on a continuous run of days up to the deadline (days without a submission as 0,
 * and the running total), the 总分 histogram with each bin's grade, and the grades per 主管部门 stacked.
 */
final class ChartData {

    static final int MAX_DAYS = 400;

    private ChartData() {}

    static Map<String, Object> of(
            Map<LocalDate, Long> perDay,
            LocalDate deadline,
            LocalDate start,
            List<Histogram.Bin> bins,
            List<BoardStore.SupervisorGrade> grades,
            List<String> gradeOrder,
            long units) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("submissions", submissions(perDay, deadline, start, units));
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<String> binGrades = new ArrayList<>();
        for (Histogram.Bin bin : bins) {
            labels.add(bin.label());
            counts.add(bin.count());
            binGrades.add(bin.grade());
        }
        data.put("scores", Map.of("labels", labels, "counts", counts, "grades", binGrades));
        data.put("grades", gradesBySupervisor(grades, gradeOrder));
        return data;
    }

    /** Days from the first of start, first submission to the later of deadline, last submission; at most 400 days. */
    static Map<String, Object> submissions(
            Map<LocalDate, Long> perDay, LocalDate deadline, LocalDate start, long units) {
        TreeSet<LocalDate> known = new TreeSet<>(perDay.keySet());
        LocalDate first = known.isEmpty() ? start : min(start, known.first());
        LocalDate last = known.isEmpty() ? deadline : max(deadline, known.last());
        if (first.isAfter(last)) {
            first = last;
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            first = last.minusDays(MAX_DAYS);
        }
        List<String> days = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        LocalDate from = first;
        long running = perDay.entrySet().stream()
                .filter(e -> e.getKey().isBefore(from))
                .mapToLong(Map.Entry::getValue)
                .sum();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            long count = perDay.getOrDefault(day, 0L);
            running += count;
            days.add(day.toString());
            counts.add(count);
            cumulative.add(running);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("days", days);
        result.put("counts", counts);
        result.put("cumulative", cumulative);
        result.put("deadline", deadline.toString());
        result.put("units", units);
        return result;
    }

    static Map<String, Object> gradesBySupervisor(List<BoardStore.SupervisorGrade> rows, List<String> gradeOrder) {
        List<String> supervisors = new ArrayList<>(new java.util.LinkedHashSet<>(
                rows.stream().map(BoardStore.SupervisorGrade::supervisor).toList()));
        List<String> grades = new ArrayList<>(gradeOrder);
        rows.stream()
                .map(BoardStore.SupervisorGrade::grade)
                .filter(g -> !grades.contains(g))
                .distinct()
                .forEach(grades::add);
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (String grade : grades) {
            List<Long> counts = new ArrayList<>();
            supervisors.forEach(s -> counts.add(0L));
            series.put(grade, counts);
        }
        Map<String, Integer> position = new java.util.HashMap<>();
        supervisors.forEach(s -> position.put(s, position.size()));
        for (BoardStore.SupervisorGrade row : rows) {
            series.get(row.grade()).set(position.get(row.supervisor()), row.count());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("supervisors", supervisors);
        result.put("grades", grades);
        result.put("series", series);
        return result;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
