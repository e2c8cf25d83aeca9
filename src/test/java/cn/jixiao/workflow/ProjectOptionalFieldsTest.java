package cn.jixiao.workflow;

import static cn.jixiao.testing.WorkflowFixture.CLERK;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.InMemoryWorkflowTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The optional fields of published tables (issue 18) typed into 填写项目自评表 reach the report exactly: each is a
 * field of forms/projects.form, the values go in as the Tasklist submits them ({@code submit-form}, the project in
 * form shape, an amount as typed text) and come out in the stored section unchanged, to the yuan.
 */
class ProjectOptionalFieldsTest extends InMemoryWorkflowTest {

    /** Each new field's data path inside one project, and what the clerk types. */
    private static final Map<String, String> TYPED = new LinkedHashMap<>();

    static {
        TYPED.put("funds.total.adjustedBudget", "400");
        TYPED.put("funds.currentYearGrant.adjustedBudget", "389.9875");
        TYPED.put("funds.priorYearCarryover.adjustedBudget", "0");
        TYPED.put("funds.other.adjustedBudget", "0");
        TYPED.put("funds.additionalLines[].name", "单位资金");
        TYPED.put("funds.additionalLines[].initialBudget", "10.0125");
        TYPED.put("funds.additionalLines[].annualBudget", "10.0125");
        TYPED.put("funds.additionalLines[].adjustedBudget", "10.0125");
        TYPED.put("funds.additionalLines[].executed", "１０．０１２５万元"); // full-width, with its unit: 10.0125
        TYPED.put("funds.declaredExecutionRate", "97.5");
        TYPED.put("funds.lowExecutionReason", "年末采购流程未完成，10万元未能支出。");
        TYPED.put("funds.adjustmentReason", "年中未调整预算。\n单位资金为上级补助。");
        TYPED.put("indicators[].nature", "正向指标");
        TYPED.put("indicators[].measureUnit", "万元");
        TYPED.put("conclusion", "项目按期完成，自评得分94.75分，等级为优。");
        TYPED.put("problems", "采购流程启动较晚。");
        TYPED.put("measures", "提前启动采购程序；按月调度支出进度。");
    }

    /** Paths whose value is a number in the report (the others are texts). */
    private static final Set<String> NUMBERS = Set.of(
            "funds.total.adjustedBudget",
            "funds.currentYearGrant.adjustedBudget",
            "funds.priorYearCarryover.adjustedBudget",
            "funds.other.adjustedBudget",
            "funds.additionalLines[].initialBudget",
            "funds.additionalLines[].annualBudget",
            "funds.additionalLines[].adjustedBudget",
            "funds.additionalLines[].executed",
            "funds.declaredExecutionRate");

    @Test
    void everyNewFieldIsOnTheProjectForm() throws IOException {
        List<String> bound = new ArrayList<>();
        JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms/projects.form")));
        collect(form, List.of(), bound);

        for (String path : TYPED.keySet()) {
            assertThat(bound).as("forms/projects.form binds %s", path).contains("projects[]." + path);
        }
    }

    @Test
    void whatIsTypedIntoTheNewFieldsIsStoredExactly() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.completeAs(CLERK, fx.task(pi, "draftProjects"), Map.of("projects", fx.sectionValue(pi, "projects")));
        Task task = fx.task(pi, "draftProject");
        ObjectNode project = (ObjectNode) fx.formValue(task).deepCopy();
        // 当年财政拨款 gives up to the named line what it holds, so the lines still add up to 年度资金总额 (400/400/390)
        ((ObjectNode) project.at("/funds/currentYearGrant"))
                .put("initialBudget", new java.math.BigDecimal("389.9875"))
                .put("annualBudget", new java.math.BigDecimal("389.9875"))
                .put("executed", new java.math.BigDecimal("379.9875"));
        TYPED.forEach((path, typed) -> put(project, path, typed));

        fx.submitDraft(CLERK, task, project);

        assertThat(fx.openTaskKeys(pi)).doesNotContain("draftProject");
        JsonNode stored = fx.sectionValue(pi, "projects").get(0);
        TYPED.forEach((path, typed) -> {
            JsonNode value = at(stored, path);
            if (NUMBERS.contains(path)) {
                assertThat(value.isNumber()).as("%s is a number", path).isTrue();
                String exact = "１０．０１２５万元".equals(typed) ? "10.0125" : typed;
                assertThat(value.decimalValue().toPlainString()).as(path).isEqualTo(exact);
            } else {
                assertThat(value.isTextual()).as("%s is a text", path).isTrue();
                assertThat(value.asText()).as(path).isEqualTo(typed);
            }
        });
        assertThat(stored.at("/funds/additionalLines")).hasSize(1);
    }

    /**
     * form-js submits every field of the form, a text field left empty as "" and an empty list as []: the optional
     * texts left empty are not given (评价结论 "" would be refused as 不能为空), the rest of the project is as it was.
     */
    @Test
    void theNewFieldsLeftEmptyAreNotGiven() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.completeAs(CLERK, fx.task(pi, "draftProjects"), Map.of("projects", fx.sectionValue(pi, "projects")));
        Task task = fx.task(pi, "draftProject");
        JsonNode before = fx.formValue(task);
        ObjectNode project = (ObjectNode) before.deepCopy();
        ObjectNode funds = (ObjectNode) project.get("funds");
        funds.putNull("declaredExecutionRate").put("adjustmentReason", "").put("lowExecutionReason", "");
        funds.putArray("additionalLines");
        ((ObjectNode) funds.get("total")).putNull("adjustedBudget");
        project.put("conclusion", "").put("problems", "").put("measures", "");

        fx.submitDraft(CLERK, task, project);

        assertThat(fx.openTaskKeys(pi)).doesNotContain("draftProject");
        ObjectNode expected = (ObjectNode) before.deepCopy();
        ((ObjectNode) expected.get("funds")).putArray("additionalLines");
        assertThat(fx.sectionValue(pi, "projects").get(0)).isEqualTo(expected);
    }

    /** Sets the typed text at a project path; {@code x[]} is the first item of list x, made when absent. */
    private static void put(ObjectNode project, String path, String typed) {
        String[] segments = path.split("\\.");
        ObjectNode node = project;
        for (int i = 0; i < segments.length - 1; i++) {
            String segment = segments[i];
            if (segment.endsWith("[]")) {
                ArrayNode list = node.withArray(segment.substring(0, segment.length() - 2));
                node = list.isEmpty() ? list.addObject() : (ObjectNode) list.get(0);
            } else {
                node = node.with(segment);
            }
        }
        node.put(segments[segments.length - 1], typed);
    }

    private static JsonNode at(JsonNode project, String path) {
        JsonNode node = project;
        for (String segment : path.split("\\.")) {
            node = segment.endsWith("[]")
                    ? node.path(segment.substring(0, segment.length() - 2)).path(0)
                    : node.path(segment);
        }
        return node;
    }

    /** The data paths a form-js form binds: keys under the paths of their groups and dynamic lists ([]). */
    private static void collect(JsonNode component, List<String> prefix, List<String> out) {
        String type = component.path("type").asText();
        List<String> path = new ArrayList<>(prefix);
        if (component.hasNonNull("key") && !component.path("key").asText().isEmpty()) {
            path.addAll(Arrays.asList(component.path("key").asText().split("\\.")));
            out.add(String.join(".", path));
            return;
        }
        if (component.hasNonNull("path") && !component.path("path").asText().isEmpty()) {
            path.addAll(Arrays.asList(component.path("path").asText().split("\\.")));
            if ("dynamiclist".equals(type)) {
                path.set(path.size() - 1, path.get(path.size() - 1) + "[]");
            }
        }
        for (JsonNode child : component.path("components")) {
            collect(child, path, out);
        }
    }
}
