package cn.jixiao.workflow;

import cn.jixiao.report.Section;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The projects section (项目支出绩效自评表) is drafted as a list task and one task per project, because form-js 1.8.7
 * opens a form in time that grows with the square of its filled number fields: one form for 30 projects never
 * opened, one project's form opens as fast as the unit's other sections (docs/BENCHMARK.md). While the section is
 * open its projects live in the process variable {@code projectDrafts} (report shape, possibly unfinished); the
 * section variable {@code projects} is written only when the list and every project are done, exactly as the one
 * form wrote it before — so the report, its checks, its digest and its document never see an unfinished project.
 * Two project tasks completed at the same moment both write {@code projectDrafts} (and the multi-instance counters):
 * the engine's optimistic locking refuses the later one, which is completed again with nothing lost.
 */
@Component("projectSection")
public class ProjectSection {

    /** The projects while the section is drafted (a process variable; not the bean's name, which it would hide). */
    public static final String DRAFTS = "projectDrafts";

    /** The projects (indexes) the last evaluation found errors in; only their tasks reopen, without the list. */
    public static final String TO_REVISE = "projectsToRevise";

    /** The per-project task's own index into the projects (the multi-instance element variable). */
    static final String INDEX = "projectIndex";

    private final ReportVariables variables;
    private final ObjectMapper mapper;
    private final DraftProgress progress;

    ProjectSection(ReportVariables variables, ObjectMapper mapper, DraftProgress progress) {
        this.variables = variables;
        this.mapper = mapper;
        this.progress = progress;
    }

    /** The section opens: its drafts start from the projects as they stand (none for a new report). */
    public void opened(DelegateExecution execution) {
        JsonNode projects = variables.toJsonNode(execution.getVariable(Section.PROJECTS.key()));
        execution
                .getProcessInstance()
                .setVariableLocal(
                        DRAFTS,
                        variables.json(projects != null && projects.isArray() ? projects : mapper.createArrayNode()));
    }

    /** Whether the list task opens: always, except when the evaluation named the projects to fix. */
    public boolean listNeeded(DelegateExecution execution) {
        return revise(execution).isEmpty();
    }

    /** The projects whose tasks open (the multi-instance collection): those the evaluation named, else all. */
    public List<Integer> toOpen(DelegateExecution execution) {
        List<Integer> named = revise(execution);
        if (!named.isEmpty()) {
            return named;
        }
        return IntStream.range(0, drafts(execution).size()).boxed().toList();
    }

    /** The list and every project are done: the drafts become the section, which counts as one section done. */
    public void sectionDone(DelegateExecution execution) {
        ArrayNode drafts = drafts(execution);
        JsonNode before = variables.toJsonNode(execution.getVariable(Section.PROJECTS.key()));
        if (!drafts.equals(before)) {
            execution.setVariable(Section.PROJECTS.key(), variables.json(drafts));
        }
        execution.getProcessInstance().removeVariableLocal(DRAFTS);
        execution.removeVariable(TO_REVISE);
        progress.sectionDone(execution);
    }

    /**
     * The starting value of a project task's own {@code projects} (its form's copy, filled by the task's create
     * listener): an empty Json list rather than null, so that, like every Json payload, it leaves no historic detail
     * (ReportHistoryLevel).
     */
    public Object formCopy() {
        return variables.json(mapper.createArrayNode());
    }

    /**
     * The drafts, from the process instance (an empty list when there are none). The project tasks' own scopes hide
     * the variable from their forms (the model's input parameter): a form that received every project's draft, 30
     * projects' worth of data, took twice as long to open.
     */
    ArrayNode drafts(DelegateExecution execution) {
        JsonNode drafts = variables.toJsonNode(execution.getProcessInstance().getVariableLocal(DRAFTS));
        return drafts instanceof ArrayNode array ? array.deepCopy() : mapper.createArrayNode();
    }

    /** Stores the drafts on the process instance, only when they changed (a rewrite stores the whole payload again). */
    void store(DelegateExecution execution, ArrayNode drafts) {
        DelegateExecution instance = execution.getProcessInstance();
        if (!Objects.equals(drafts, variables.toJsonNode(instance.getVariableLocal(DRAFTS)))) {
            instance.setVariableLocal(DRAFTS, variables.json(drafts));
        }
    }

    private List<Integer> revise(DelegateExecution execution) {
        JsonNode named = variables.toJsonNode(execution.getVariable(TO_REVISE));
        int size = drafts(execution).size();
        List<Integer> indexes = new ArrayList<>();
        if (named != null && named.isArray()) {
            named.forEach(n -> {
                if (n.canConvertToInt() && n.asInt() >= 0 && n.asInt() < size && !indexes.contains(n.asInt())) {
                    indexes.add(n.asInt());
                }
            });
        }
        return indexes;
    }
}
