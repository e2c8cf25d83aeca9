package cn.jixiao.report;

import java.util.Arrays;
import java.util.Optional;

/** The report sections, each drafted in its own user task and held in its own Json process variable. */
public enum Section {
    BASIC_INFO("basicInfo", "单位基本情况", "draftBasicInfo"),
    BUDGET("budget", "部门预决算情况", "draftBudget"),
    PERFORMANCE("performance", "资金使用及绩效情况", "draftPerformance"),
    PROJECTS("projects", "项目支出绩效自评表", "draftProjects"),
    PROBLEMS("problems", "存在的问题及改进措施", "draftProblems"),
    OTHER_NOTES("otherNotes", "其他需要说明的情况", "draftOtherNotes");

    /**
     * The projects section is drafted in two steps: {@code draftProjects} (填写项目清单, the list of projects) and then
     * one {@code draftProject} task (填写项目自评表) per project, a parallel multi-instance task, so that no form holds
     * more than one project's 自评表 (form-js 1.8.7 opens a form in time quadratic in its filled number fields).
     */
    public static final String PROJECT_TASK_ID = "draftProject";

    /** The per-project task's name; each task is named after its project as well. */
    public static final String PROJECT_TASK_LABEL = "填写项目自评表";

    private final String key;
    private final String label;
    private final String taskId;

    Section(String key, String label, String taskId) {
        this.key = key;
        this.label = label;
        this.taskId = taskId;
    }

    /** Schema key, also the process variable name. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String taskId() {
        return taskId;
    }

    public static Optional<Section> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static Optional<Section> byTaskId(String taskId) {
        return Arrays.stream(values()).filter(s -> s.taskId.equals(taskId)).findFirst();
    }
}
