package cn.jixiao.workflow;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.ReviewComment;
import cn.jixiao.record.ReviewLog;
import cn.jixiao.record.ReviewStep;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.ReportScope;
import cn.jixiao.report.Section;
import cn.jixiao.security.UserDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The review tasks. On create: clears the previous round's decision so nothing stale applies, and shows the
 * reviewer the whole review history (task-local, from the review log, so no one else's variables can alter it). On
 * complete: refuses a missing decision or a return without comment (the task stays open), then records the
 * decision in the review log and in Camunda's task comments, and leaves a return's comment for the reopened tasks.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements TaskListener {

    /** The reviewer's explicit choice to reopen every section (「全部章节」). */
    static final String ALL = "all";

    private final ReportVariables variables;
    private final UserDirectory users;
    private final ObjectMapper mapper;
    private final ReviewLog log;

    ReviewDecisionListener(ReportVariables variables, UserDirectory users, ObjectMapper mapper, ReviewLog log) {
        this.variables = variables;
        this.users = users;
        this.mapper = mapper;
        this.log = log;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewStep step = ReviewStep.byTaskId(task.getTaskDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("not a review task: " + task.getTaskDefinitionKey()));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().removeVariable(step.decisionVariable());
            task.getExecution().removeVariable(step.commentVariable());
            task.getExecution().removeVariable(ProcessVariables.SECTIONS_TO_REVISE);
            task.getExecution().removeVariable(ProjectSection.TO_REVISE);
            showHistory(task, log);
            return;
        }
        record(task, step);
    }

    /**
     * What a reviewer (or the clerk before submitting) reads beside the report, task-local so no one else's variables
     * can alter it: the review history from the log, and the link to the document preview.
     */
    static void showHistory(DelegateTask task, ReviewLog log) {
        task.setVariableLocal(
                ProcessVariables.DOCUMENT_URL,
                "/api/reports/" + log.reportId(task.getProcessInstanceId()) + "/document");
        // Always set, even empty: a process variable of the same name (which any completer could have sent) must never
        // show through as the review history.
        List<ReviewComment> history = log.of(task.getProcessInstanceId());
        task.setVariableLocal(
                ProcessVariables.REVIEW_HISTORY_TEXT,
                String.join(
                        "\n", history.stream().map(ReviewDecisionListener::line).toList()));
    }

    private void record(DelegateTask task, ReviewStep step) {
        Object decisionValue = task.getVariable(step.decisionVariable());
        String decision = decisionValue == null ? "" : decisionValue.toString().trim();
        if (!step.decisions().containsKey(decision)) {
            throw new InputRefused(
                    step.decisionVariable(),
                    "「审核结果」请选择"
                            + String.join(
                                    "或",
                                    step.decisions().values().stream().sorted().toList()));
        }
        Object commentValue = task.getVariable(step.commentVariable());
        String comment = commentValue == null ? "" : commentValue.toString().trim();
        boolean isReturn = ReviewStep.RETURN.equals(decision);
        if (isReturn && comment.isEmpty()) {
            throw new InputRefused(step.commentVariable(), "「审核意见」退回修改时必须填写审核意见，说明需要修改的内容");
        }
        List<String> sections = isReturn ? sectionsToRevise(task) : List.of();
        task.setVariable(ProcessVariables.SECTIONS_TO_REVISE, variables.json(mapper.valueToTree(sections)));
        // The projects named on a return of 项目支出绩效自评表: only their tasks reopen (ProjectSection), by index.
        Map<Integer, String> projects = sections.contains(Section.PROJECTS.key()) ? projectsToRevise(task) : Map.of();
        if (projects.isEmpty()) {
            task.removeVariable(ProjectSection.TO_REVISE);
        } else {
            task.setVariable(ProjectSection.TO_REVISE, variables.json(mapper.valueToTree(projects.keySet())));
            comment = comment + "（需修改的项目：" + String.join("、", projects.values()) + "）";
        }

        String author = Context.getCommandContext() == null
                ? null
                : Context.getCommandContext().getAuthenticatedUserId();
        Date now = ClockUtil.getCurrentTime();
        log.add(task.getProcessInstanceId(), step, decision, author, users.displayName(author), now, comment, sections);
        if (isReturn) {
            List<ReviewComment> history = log.of(task.getProcessInstanceId());
            task.setVariable(ProcessVariables.LAST_RETURN_COMMENT, line(history.get(history.size() - 1)));
        }
        task.getProcessEngineServices()
                .getTaskService()
                .createComment(
                        task.getId(),
                        task.getProcessInstanceId(),
                        step.label() + "：" + step.decisions().get(decision) + (comment.isEmpty() ? "" : "。" + comment));
    }

    /**
     * The projects the reviewer named (the review form's 需修改的项目: names; a REST client may send indexes), by
     * index into the report's projects, with their names; empty when none was named, so that the list and every
     * project reopen. A name that is no project of the report is refused.
     */
    private Map<Integer, String> projectsToRevise(DelegateTask task) {
        JsonNode named = variables.toJsonNode(task.getVariable(ProjectSection.TO_REVISE));
        JsonNode projects = variables.toJsonNode(task.getVariable(Section.PROJECTS.key()));
        List<String> names = new ArrayList<>();
        if (projects != null && projects.isArray()) {
            projects.forEach(p -> names.add(p.path("name").asText("")));
        }
        Map<Integer, String> indexes = new TreeMap<>();
        if (named == null || !named.isArray()) {
            return indexes;
        }
        for (JsonNode item : named) {
            int index = item.isIntegralNumber()
                    ? item.asInt()
                    : names.indexOf(item.asText().trim());
            if (index < 0 || index >= names.size()) {
                throw new InputRefused(ProjectSection.TO_REVISE, "「需修改的项目」中没有名为" + item.asText() + "的项目，请重新选择");
            }
            indexes.put(index, names.get(index));
        }
        return indexes;
    }

    private List<String> sectionsToRevise(DelegateTask task) {
        JsonNode named = variables.toJsonNode(task.getVariable(ProcessVariables.SECTIONS_TO_REVISE));
        List<String> requested = new ArrayList<>();
        if (named != null && named.isArray()) {
            named.forEach(item -> requested.add(item.asText()));
        } else if (named != null && named.isTextual() && !named.asText().isBlank()) {
            requested.addAll(List.of(named.asText().trim().split("[,，\\s]+")));
        }
        Set<String> keys = new LinkedHashSet<>();
        ReportScope scope = SectionSelection.scope(task);
        for (String key : requested) {
            if (ALL.equals(key)) {
                // Every section the report has: a report of the projects alone has no other to reopen.
                scope.sections().forEach(section -> keys.add(section.key()));
                continue;
            }
            Section section = Section.byKey(key)
                    .orElseThrow(
                            () -> new InputRefused(ProcessVariables.SECTIONS_TO_REVISE, "「需修改的章节」中没有名为" + key + "的章节"));
            if (!scope.has(section)) {
                throw new InputRefused(
                        ProcessVariables.SECTIONS_TO_REVISE,
                        "「需修改的章节」本报告只含" + Section.PROJECTS.label() + "（报告范围：" + scope.label() + "），没有「"
                                + section.label() + "」，请选择「" + Section.PROJECTS.label() + "」或「全部章节」");
            }
            keys.add(key);
        }
        // A report of the projects alone has one section to reopen: its review form offers no choice.
        if (keys.isEmpty() && scope.sections().size() == 1) {
            keys.add(scope.sections().get(0).key());
        }
        // A return says what reopens: a section, several, or 「全部章节」 — never nothing by oversight.
        if (keys.isEmpty()) {
            throw new InputRefused(ProcessVariables.SECTIONS_TO_REVISE, "「需修改的章节」退回修改时请至少选择一个需修改的章节，或选择「全部章节」");
        }
        return new ArrayList<>(keys);
    }

    /** "2026-11-26 14:00 单位负责人审核 李四（leader）：退回修改。意见……（需修改：项目支出绩效自评表）". */
    static String line(ReviewComment c) {
        StringBuilder text = new StringBuilder()
                .append(c.time())
                .append(" ")
                .append(c.stepLabel())
                .append(" ")
                .append(c.authorName())
                .append("：")
                .append(c.decisionLabel());
        if (c.comment() != null && !c.comment().isEmpty()) {
            text.append("。").append(c.comment());
        }
        if (c.sectionsToRevise() != null && !c.sectionsToRevise().isEmpty()) {
            text.append("（需修改：")
                    .append(String.join(
                            "、",
                            c.sectionsToRevise().stream()
                                    .map(k ->
                                            Section.byKey(k).map(Section::label).orElse(k))
                                    .toList()))
                    .append("）");
        }
        return text.toString();
    }
}
