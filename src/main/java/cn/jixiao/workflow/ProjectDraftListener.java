package cn.jixiao.workflow;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.ReviewLog;
import cn.jixiao.report.FormValues;
import cn.jixiao.report.ReportSchemaValidator;
import cn.jixiao.report.Section;
import cn.jixiao.report.Violation;
import cn.jixiao.scoring.Finding;
import cn.jixiao.scoring.ReportAssessment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 填写项目自评表 ({@code draftProject}), one task per project: the form holds that project alone, so it opens as
 * fast for a unit with 30 projects as for one with a single project. On create the task is named after its project
 * and gets {@code projects}, local to its own scope (the model's input parameter), holding just that project (form shape), which forms/projects.form shows
 * as a list of one. On complete the project is read back, its numbers read exactly, and it is checked — the schema
 * and the per-project rules of docs/RULES.md, for this project alone; an error keeps the task open with the messages
 * naming the field (项目N › …) — and stored as its element of the drafts. Its name, 主管部门 and 实施单位 are the
 * list's ({@link ProjectListListener}).
 */
@Component("projectDraftListener")
public class ProjectDraftListener implements TaskListener {

    /** The project's place (1-based), name and units, shown by the form's heading (the list edits them). */
    static final String NUMBER = "projectNumber";

    static final String NAME = "projectName";
    static final String UNITS = "projectUnits";

    private static final Set<String> HEADER = ReportVariables.HEADER;

    private final ReportVariables variables;
    private final ReportSchemaValidator validator;
    private final ReportAssessment assessment;
    private final ProjectSection section;
    private final ReviewLog log;

    ProjectDraftListener(
            ReportVariables variables,
            ReportSchemaValidator validator,
            ReportAssessment assessment,
            ProjectSection section,
            ReviewLog log) {
        this.variables = variables;
        this.validator = validator;
        this.assessment = assessment;
        this.section = section;
        this.log = log;
    }

    @Override
    public void notify(DelegateTask task) {
        int index = index(task);
        ArrayNode drafts = section.drafts(task.getExecution());
        JsonNode project = index < drafts.size() ? drafts.get(index) : JsonNodeFactory.instance.objectNode();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName(name(project));
            task.getExecution()
                    .setVariableLocal(
                            Section.PROJECTS.key(),
                            variables.json(JsonNodeFactory.instance.arrayNode().add(FormValues.toForm(project))));
            task.setVariableLocal(NUMBER, index + 1);
            task.setVariableLocal(NAME, project.path("name").asText(""));
            task.setVariableLocal(
                    UNITS,
                    "主管部门：" + project.path("supervisor").asText("—") + "　实施单位："
                            + project.path("implementer").asText("—"));
            SectionDraftListener.carryReviewHistory(task, log);
        } else {
            if (index >= drafts.size()) {
                // The drafts were rewritten by a completion that committed while this one read them: Camunda reads a
                // Json variable's row and its byte array in two statements, and the other commit replaced the byte
                // array in between. Refused as the conflict it is, so the completion is tried again (409).
                throw new OptimisticLockingException(
                        "project drafts of " + task.getProcessInstanceId() + " changed by a concurrent completion");
            }
            store(task, index, drafts, project);
        }
    }

    private void store(DelegateTask task, int index, ArrayNode drafts, JsonNode draft) {
        String label = "「" + Section.PROJECTS.label() + "：" + draft.path("name").asText("项目" + (index + 1)) + "」";
        JsonNode sent =
                FormValues.fromForm(variables.toJsonNode(task.getExecution().getVariableLocal(Section.PROJECTS.key())));
        if (sent == null || !sent.isArray() || sent.size() != 1 || !sent.get(0).isObject()) {
            throw new InputRefused(Section.PROJECTS.key(), label + "只能提交本项目的一张自评表");
        }
        ObjectNode project = ((ObjectNode) sent.get(0)).deepCopy();
        ProjectListListener.IDENTITY.forEach(field -> {
            project.remove(field);
            if (draft.has(field)) {
                project.set(field, draft.get(field));
            }
        });
        // Checked in its place among the drafts, so pointers and messages name it as the report does (项目N › …); only
        // what concerns this project counts.
        ArrayNode projects = drafts.deepCopy();
        projects.set(index, project);
        ObjectNode report = variables.assemble(name -> HEADER.contains(name) ? task.getVariable(name) : null);
        report.set(Section.PROJECTS.key(), projects);
        String root = "/" + Section.PROJECTS.key() + "/" + index;
        // A text field left empty is submitted as "": an optional text so left is not given.
        ReportSchemaValidator.TypedReport typed =
                validator.readTypedNumbers(validator.withoutEmptyOptionalTexts(report));
        List<Violation> refused = typed.refused().stream()
                .filter(v -> concerns(v.pointer(), root))
                .toList();
        if (!refused.isEmpty()) {
            throw new InputRefused(Section.PROJECTS.key(), ViolationMessages.of(label + "有以下内容需要修改：", refused));
        }
        report = (ObjectNode) typed.report();
        List<Violation> violations = validator.validateSection(report, Section.PROJECTS.key()).stream()
                .filter(v -> concerns(v.pointer(), root))
                .toList();
        if (!violations.isEmpty()) {
            throw new InputRefused(Section.PROJECTS.key(), ViolationMessages.of(label + "有以下内容需要修改：", violations));
        }
        List<Finding> errors = assessment.sectionFindings(report, Section.PROJECTS.key()).stream()
                .filter(f -> f.isError() && concerns(f.pointer(), root))
                .toList();
        if (!errors.isEmpty()) {
            throw new InputRefused(
                    Section.PROJECTS.key(),
                    label + "有以下错误需要修改：\n"
                            + String.join(
                                    "\n",
                                    errors.stream()
                                            .map(f -> "【错误】" + f.message())
                                            .toList()));
        }
        task.removeVariableLocal(NUMBER);
        task.removeVariableLocal(NAME);
        task.removeVariableLocal(UNITS);
        drafts.set(index, report.get(Section.PROJECTS.key()).get(index));
        section.store(task.getExecution(), drafts);
    }

    private static boolean concerns(String pointer, String root) {
        return pointer.equals(root) || pointer.startsWith(root + "/");
    }

    private static int index(DelegateTask task) {
        Object index = task.getVariable(ProjectSection.INDEX);
        if (!(index instanceof Number n)) {
            throw new IllegalStateException("a project task without its project: " + task.getId());
        }
        return n.intValue();
    }

    /** The task's name: 填写项目自评表：<项目名称>. */
    static String name(JsonNode project) {
        String name = project.path("name").asText("").trim();
        return Section.PROJECT_TASK_LABEL + (name.isEmpty() ? "" : "：" + name);
    }
}
