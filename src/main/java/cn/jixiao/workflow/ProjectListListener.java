package cn.jixiao.workflow;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.ReviewLog;
import cn.jixiao.report.FormValues;
import cn.jixiao.report.ReportSchemaValidator;
import cn.jixiao.report.Section;
import cn.jixiao.report.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 填写项目清单 ({@code draftProjects}): the list of the report's projects — name, 主管部门, 实施单位 — where projects
 * are added and removed; each project's 自评表 is then filled in a task of its own ({@link ProjectDraftListener}),
 * so that no form holds every project. On create the form gets {@code projects}, local to the task's own scope, with only these three
 * fields per project. On complete the list as sent is merged into the drafts: a project keeps what was entered for
 * it (matched by name; a renamed project by its place, when the number of projects is unchanged), a new one starts
 * empty, a removed one is dropped. A REST client may send whole projects here; what it sends for a project is taken.
 */
@Component("projectListListener")
public class ProjectListListener implements TaskListener {

    /** The fields the list edits; the list is their authority. */
    static final List<String> IDENTITY = List.of("name", "supervisor", "implementer");

    private static final Pattern IDENTITY_POINTER =
            Pattern.compile("^/projects/\\d+(/(name|supervisor|implementer))?$");
    private static final Set<String> HEADER = ReportVariables.HEADER;
    private static final String LABEL = "项目清单";

    private final ReportVariables variables;
    private final ReportSchemaValidator validator;
    private final ProjectSection section;
    private final ReviewLog log;

    ProjectListListener(
            ReportVariables variables, ReportSchemaValidator validator, ProjectSection section, ReviewLog log) {
        this.variables = variables;
        this.validator = validator;
        this.section = section;
        this.log = log;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            section.drafts(task.getExecution()).forEach(project -> list.add(identity(project)));
            task.getExecution().setVariableLocal(Section.PROJECTS.key(), variables.json(list));
            SectionDraftListener.carryReviewHistory(task, log);
        } else {
            store(task);
        }
    }

    private void store(DelegateTask task) {
        JsonNode sent =
                FormValues.fromForm(variables.toJsonNode(task.getExecution().getVariableLocal(Section.PROJECTS.key())));
        if (sent == null || !sent.isArray() || sent.isEmpty()) {
            throw new InputRefused(Section.PROJECTS.key(), "「" + LABEL + "」尚未填写，请至少填写一个项目（项目支出名称）后再完成");
        }
        ArrayNode drafts = section.drafts(task.getExecution());
        ArrayNode merged = merge(drafts, sent);
        List<Violation> problems = new ArrayList<>();
        Map<String, Integer> names = new LinkedHashMap<>();
        for (int i = 0; i < merged.size(); i++) {
            String name = merged.get(i).path("name").asText("").trim();
            Integer first = names.putIfAbsent(name, i);
            if (first != null && !name.isEmpty()) {
                problems.add(new Violation(
                        "/projects/" + i + "/name",
                        "项目" + (i + 1) + " › 项目支出名称「" + name + "」与项目" + (first + 1) + "相同：每个项目的名称应各不相同"));
            }
        }
        // The list's own fields are checked against the schema now; the rest of each project in its own task.
        ObjectNode report = variables.assemble(name -> HEADER.contains(name) ? task.getVariable(name) : null);
        report.set(Section.PROJECTS.key(), merged);
        validator.validateSection(report, Section.PROJECTS.key()).stream()
                .filter(v -> IDENTITY_POINTER.matcher(v.pointer()).matches())
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InputRefused(Section.PROJECTS.key(), ViolationMessages.of("「" + LABEL + "」有以下内容需要修改：", problems));
        }
        section.store(task.getExecution(), merged);
    }

    /** The list as sent, each project with what was entered for it before. */
    static ArrayNode merge(ArrayNode drafts, JsonNode sent) {
        int n = sent.size();
        JsonNode[] base = new JsonNode[n];
        boolean[] used = new boolean[drafts.size()];
        for (int i = 0; i < n; i++) {
            String name = sent.get(i).path("name").asText(null);
            for (int j = 0; name != null && j < drafts.size(); j++) {
                if (!used[j] && name.equals(drafts.get(j).path("name").asText(null))) {
                    used[j] = true;
                    base[i] = drafts.get(j);
                    break;
                }
            }
        }
        if (n == drafts.size()) {
            // Renamed in place: the projects left over on both sides pair up in order.
            for (int i = 0, j = 0; i < n; i++) {
                if (base[i] == null) {
                    while (used[j]) {
                        j++;
                    }
                    used[j] = true;
                    base[i] = drafts.get(j);
                }
            }
        }
        ArrayNode merged = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < n; i++) {
            ObjectNode project = base[i] instanceof ObjectNode b ? b.deepCopy() : JsonNodeFactory.instance.objectNode();
            IDENTITY.forEach(project::remove);
            JsonNode item = sent.get(i);
            if (item instanceof ObjectNode fields) {
                fields.fields().forEachRemaining(e -> project.set(e.getKey(), e.getValue()));
            }
            merged.add(project);
        }
        return merged;
    }

    /** A project as the list shows it: its name, 主管部门 and 实施单位. */
    public static ObjectNode identity(JsonNode project) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        IDENTITY.forEach(field -> {
            if (project.has(field)) {
                out.set(field, project.get(field));
            }
        });
        return out;
    }
}
