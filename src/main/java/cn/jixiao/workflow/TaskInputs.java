package cn.jixiao.workflow;

import cn.jixiao.report.Section;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each step of a report may take from the person doing it: a drafting task its own section, 提交审核 nothing,
 * a review its decision, comment and the sections (and projects) to revise. Everything else a report holds (the other sections,
 * the unit, the evaluation, the texts shown on forms) is written by the workflow alone, so a completer who sends
 * more is refused by name rather than allowed to rewrite what someone else checked or approved.
 */
public final class TaskInputs {

    /**
     * What may come with a start: the header and, from an import, the six sections (each checked when drafted); for
     * the campaign, its deadline, notice and units (checked by its start listener).
     */
    public static final Set<String> START = startVariables();

    private static final Map<String, Set<String>> BY_TASK = Map.of(
            Section.PROJECT_TASK_ID,
            Set.of(Section.PROJECTS.key()),
            "draftSubmit",
            Set.of(),
            "internalReview",
            Set.of("leaderDecision", "leaderComment", "sectionsToRevise", ProjectSection.TO_REVISE),
            "financeReview",
            Set.of("financeDecision", "financeComment", "sectionsToRevise", ProjectSection.TO_REVISE));

    private static final Map<String, String> TASK_NAMES = Map.of(
            Section.PROJECT_TASK_ID,
            Section.PROJECT_TASK_LABEL,
            "draftSubmit",
            "提交审核",
            "internalReview",
            "单位负责人审核",
            "financeReview",
            "财政局审核");

    private TaskInputs() {}

    /** The variables a task of the report process accepts; empty for a task of another process (not ours to judge). */
    public static Optional<Set<String>> accepted(String taskDefinitionKey) {
        Optional<Section> section = Section.byTaskId(taskDefinitionKey);
        if (section.isPresent()) {
            return Optional.of(Set.of(section.get().key()));
        }
        return Optional.ofNullable(BY_TASK.get(taskDefinitionKey));
    }

    /** The task's Chinese name for messages. */
    public static String label(String taskDefinitionKey) {
        return Section.byTaskId(taskDefinitionKey)
                .map(s -> "填写" + s.label())
                .orElse(TASK_NAMES.getOrDefault(taskDefinitionKey, taskDefinitionKey));
    }

    /** The names in {@code sent} that the task does not accept, in the order sent. */
    public static Set<String> refused(String taskDefinitionKey, Iterable<String> sent) {
        Set<String> accepted = accepted(taskDefinitionKey).orElse(null);
        Set<String> refused = new LinkedHashSet<>();
        if (accepted == null) {
            return refused;
        }
        sent.forEach(name -> {
            if (!accepted.contains(name)) {
                refused.add(name);
            }
        });
        return refused;
    }

    /**
     * The Chinese refusal for a completion of {@code taskDefinitionKey} with variables {@code sent}, or empty when the
     * task takes them all.
     */
    public static Optional<String> refusal(String taskDefinitionKey, Iterable<String> sent) {
        Set<String> refused = refused(taskDefinitionKey, sent);
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        Set<String> accepted = accepted(taskDefinitionKey).orElse(Set.of());
        return Optional.of("「" + label(taskDefinitionKey) + "」不能提交「" + String.join("」「", refused) + "」："
                + (accepted.isEmpty()
                        ? "此任务无需填写任何内容"
                        : "此任务只能填写「"
                                + String.join("」「", accepted.stream().sorted().toList()) + "」"));
    }

    private static Set<String> startVariables() {
        Set<String> names =
                Arrays.stream(Section.values()).map(Section::key).collect(Collectors.toCollection(LinkedHashSet::new));
        names.addAll(Set.of("fiscalYear", "unitCode", "unit"));
        // 报告范围 (the start form's choice) and 评分模板, both checked by the report's start listener.
        names.addAll(Set.of("scope", "profile"));
        // The campaign's start form (年度绩效自评工作, which only the finance bureau may start): 截止日期, 通知内容, 单位.
        names.addAll(Set.of("deadline", "notice", "units"));
        return Set.copyOf(names);
    }
}
