package cn.jixiao.workflow;

import static cn.jixiao.testing.WorkflowFixture.CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.testing.InMemoryWorkflowTest;
import cn.jixiao.testing.WorkflowFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * 项目支出绩效自评表 drafted as 填写项目清单 and one 填写项目自评表 per project: the tasks, their names, the per-project
 * checks, the list's edits, concurrent completions, the progress, returns and the evaluation's reopening of a
 * single project — and the section as stored equal to what the one form stored before.
 */
class ProjectTasksTest extends InMemoryWorkflowTest {

    /** The sample's project three times, named 项目甲/乙/丙. */
    private ArrayNode threeProjects() {
        ArrayNode projects = fx.mapper.createArrayNode();
        JsonNode sample = fx.sample().get("projects").get(0);
        for (String name : List.of("项目甲", "项目乙", "项目丙")) {
            ObjectNode copy = sample.deepCopy();
            copy.put("name", name);
            projects.add(copy);
        }
        return projects;
    }

    private List<Task> projectTasks(ProcessInstance pi) {
        List<Task> tasks = new ArrayList<>(fx.taskService
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("draftProject")
                .active()
                .list());
        tasks.sort(Comparator.comparing(Task::getName));
        return tasks;
    }

    private Task projectTask(ProcessInstance pi, String name) {
        return projectTasks(pi).stream()
                .filter(t -> t.getName().equals("填写项目自评表：" + name))
                .findFirst()
                .orElseThrow();
    }

    private String progress(ProcessInstance pi) {
        return (String) fx.runtimeService.getVariable(pi.getId(), DraftProgress.PROGRESS);
    }

    @Test
    void theListOpensOneNamedTaskPerProjectAndTheSectionIsStoredWhenAllAreDone() {
        ProcessInstance pi = fx.startSample(CLERK);
        JsonNode before = fx.sectionValue(pi, "projects");
        ArrayNode projects = threeProjects();
        fx.completeAs(CLERK, fx.task(pi, "draftProjects"), Map.of("projects", fx.variables.json(projects)));

        assertThat(projectTasks(pi))
                .extracting(Task::getName)
                .containsExactly("填写项目自评表：项目丙", "填写项目自评表：项目乙", "填写项目自评表：项目甲");
        assertThat(fx.candidateGroups(projectTasks(pi).get(0)))
                .containsExactly(WorkflowFixture.SAMPLE_UNIT.clerkGroupId());
        // Each form holds its own project alone.
        JsonNode shown = fx.formValue(projectTask(pi, "项目乙"));
        assertThat(shown).isEqualTo(projects.get(1));
        assertThat(fx.taskService.getVariableLocal(projectTask(pi, "项目乙").getId(), "projectNumber"))
                .isEqualTo(2);
        // The section is not written, nor counted, while projects are open.
        assertThat(fx.sectionValue(pi, "projects")).isEqualTo(before);
        assertThat(progress(pi)).isEqualTo("0/6 已完成");

        fx.submitDraft(CLERK, projectTask(pi, "项目甲"), fx.formValue(projectTask(pi, "项目甲")));
        ObjectNode changed = (ObjectNode) fx.formValue(projectTask(pi, "项目丙"));
        ((ObjectNode) changed.get("annualGoal")).put("actual", "丙项目已全部完成");
        fx.submitDraft(CLERK, projectTask(pi, "项目丙"), changed);
        assertThat(progress(pi)).isEqualTo("0/6 已完成");
        assertThat(fx.sectionValue(pi, "projects")).isEqualTo(before);
        fx.submitDraft(CLERK, projectTask(pi, "项目乙"), fx.formValue(projectTask(pi, "项目乙")));

        projects.set(2, changed);
        assertThat(fx.sectionValue(pi, "projects")).isEqualTo(projects);
        assertThat(fx.runtimeService.getVariable(pi.getId(), ProjectSection.DRAFTS))
                .as("drafts gone")
                .isNull();
        assertThat(progress(pi)).isEqualTo("1/6 已完成");
        assertThat(fx.openTaskKeys(pi)).doesNotContain("draftProjects", "draftProject");
    }

    @Test
    void confirmedUnchangedTheSectionIsExactlyWhatItWas() {
        ProcessInstance pi = fx.startSample(CLERK);
        JsonNode before = fx.sectionValue(pi, "projects");
        fx.draftAllOpen(pi);
        assertThat(fx.sectionValue(pi, "projects"))
                .isEqualTo(before)
                .isEqualTo(fx.sample().get("projects"));
        assertThat(fx.variables.assemble(name -> fx.runtimeService.getVariable(pi.getId(), name)))
                .as("the report assembled from the variables")
                .isEqualTo(fx.sample());
    }

    @Test
    void aProjectsOwnErrorIsRefusedByNameAndTheOthersGoOn() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.completeAs(CLERK, fx.task(pi, "draftProjects"), Map.of("projects", fx.variables.json(threeProjects())));
        ObjectNode wrong = (ObjectNode) fx.formValue(projectTask(pi, "项目乙"));
        ((ObjectNode) wrong.at("/indicators/0")).put("weight", 20); // weights add up to 110
        Task task = projectTask(pi, "项目乙");
        assertThatThrownBy(() -> fx.submitDraft(CLERK, task, wrong))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("「项目支出绩效自评表：项目乙」有以下错误需要修改")
                .hasMessageContaining("【错误】")
                .hasMessageContaining("110");
        // A number no one can read is refused naming the project and the field.
        ObjectNode unreadable = (ObjectNode) fx.formValue(task);
        ((ObjectNode) unreadable.at("/funds/total")).put("executed", "1O0");
        assertThatThrownBy(() -> fx.submitDraft(CLERK, task, unreadable))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("项目2")
                .hasMessageContaining("全年执行数");
        // The task stays open with what its form showed; the other projects go on.
        assertThat(projectTask(pi, "项目乙").getId()).isEqualTo(task.getId());
        assertThat(fx.formValue(task).at("/indicators/0/weight").asInt()).isEqualTo(10);
        fx.submitDraft(CLERK, projectTask(pi, "项目甲"), fx.formValue(projectTask(pi, "项目甲")));
        assertThat(projectTasks(pi)).hasSize(2);
        // A project task takes its own project only.
        assertThatThrownBy(() -> fx.completeAs(CLERK, task, Map.of("projects", fx.variables.json(threeProjects()))))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("只能提交本项目的一张自评表");
    }

    @Test
    void theListAddsRemovesAndRenamesProjectsKeepingWhatWasEntered() {
        ProcessInstance pi = fx.startSample(CLERK);
        ArrayNode projects = threeProjects();
        ((ObjectNode) projects.get(1).get("annualGoal")).put("actual", "乙的内容");
        fx.completeProjects(pi, projects);
        fx.draftAllOpen(pi);
        fx.submit(pi);
        fx.leaderReturn(pi, "请调整项目清单", "projects");
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProjects");

        // The list as the form sends it: names only. 项目甲 removed, 项目乙 kept, new 项目丁 and 项目戊, 项目丙 kept.
        ArrayNode list = fx.mapper.createArrayNode();
        list.addObject().put("name", "项目乙");
        list.addObject().put("name", "项目丁");
        list.addObject().put("name", "项目丙").put("supervisor", "衡山县人民政府");
        list.addObject().put("name", "项目戊");
        fx.submitDraft(CLERK, fx.task(pi, "draftProjects"), list);
        assertThat(projectTasks(pi))
                .extracting(Task::getName)
                .containsExactly("填写项目自评表：项目丁", "填写项目自评表：项目丙", "填写项目自评表：项目乙", "填写项目自评表：项目戊");
        assertThat(fx.formValue(projectTask(pi, "项目乙")).at("/annualGoal/actual").asText())
                .isEqualTo("乙的内容");
        assertThat(fx.formValue(projectTask(pi, "项目丁")).has("funds"))
                .as("a new project starts empty")
                .isFalse();
        // The new project cannot be completed empty: the schema names what is missing.
        assertThatThrownBy(() -> fx.submitDraft(CLERK, projectTask(pi, "项目丁"), fx.formValue(projectTask(pi, "项目丁"))))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("项目2");
        fx.submitDraft(
                CLERK, projectTask(pi, "项目丁"), ((ObjectNode) projects.get(0).deepCopy()).put("name", "随便"));
        fx.submitDraft(CLERK, projectTask(pi, "项目戊"), projects.get(0));
        fx.draftProjectsOpen(pi);
        JsonNode stored = fx.sectionValue(pi, "projects");
        assertThat(stored).extracting(p -> p.get("name").asText()).containsExactly("项目乙", "项目丁", "项目丙", "项目戊");
        assertThat(stored.get(2).get("supervisor").asText()).isEqualTo("衡山县人民政府");
        assertThat(stored.get(2).get("implementer")).as("cleared in the list").isNull();

        // A renamed project keeps its content (same number of projects: paired by place); two projects of one name are
        // refused.
        fx.submit(pi);
        fx.leaderReturn(pi, "项目名称写错了", "projects");
        ArrayNode renamed = fx.mapper.createArrayNode();
        renamed.addObject().put("name", "项目乙（更名）");
        renamed.addObject().put("name", "项目丁");
        renamed.addObject().put("name", "项目丁");
        renamed.addObject().put("name", "项目戊");
        Task listTask = fx.task(pi, "draftProjects");
        assertThatThrownBy(() -> fx.submitDraft(CLERK, listTask, renamed))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("项目3")
                .hasMessageContaining("与项目2相同");
        ((ObjectNode) renamed.get(2)).put("name", "项目丙");
        fx.submitDraft(CLERK, listTask, renamed);
        assertThat(fx.formValue(projectTask(pi, "项目乙（更名）"))
                        .at("/annualGoal/actual")
                        .asText())
                .isEqualTo("乙的内容");
    }

    @Test
    void draftsGoneUnderACompletionAreAConflictToRetryNotAFailure() {
        // What a completion sees when another one commits between its read of the drafts' variable row and its byte
        // array (Camunda replaces the byte array): no drafts. It is refused as a conflict, and the task stays open.
        ProcessInstance pi = fx.startSample(CLERK);
        fx.completeAs(CLERK, fx.task(pi, "draftProjects"), Map.of("projects", fx.variables.json(threeProjects())));
        Task second = projectTask(pi, "项目乙");
        JsonNode value = fx.formValue(second);
        Object drafts = fx.runtimeService.getVariable(pi.getId(), ProjectSection.DRAFTS);
        fx.runtimeService.removeVariable(pi.getId(), ProjectSection.DRAFTS);

        assertThatThrownBy(() -> fx.submitDraft(CLERK, second, value)).isInstanceOf(OptimisticLockingException.class);
        assertThat(projectTasks(pi)).extracting(Task::getId).contains(second.getId());

        fx.runtimeService.setVariable(pi.getId(), ProjectSection.DRAFTS, drafts);
        fx.submitDraft(CLERK, second, value);
        assertThat(projectTasks(pi)).extracting(Task::getId).doesNotContain(second.getId());
    }

    @Test
    void twoProjectsCompletedAtTheSameMomentLoseNothing() throws Exception {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.completeAs(CLERK, fx.task(pi, "draftProjects"), Map.of("projects", fx.variables.json(threeProjects())));
        fx.submitDraft(CLERK, projectTask(pi, "项目甲"), fx.formValue(projectTask(pi, "项目甲")));
        Task second = projectTask(pi, "项目乙");
        Task third = projectTask(pi, "项目丙");
        ObjectNode secondValue = (ObjectNode) fx.formValue(second);
        ((ObjectNode) secondValue.get("annualGoal")).put("actual", "乙：并发写入");
        ObjectNode thirdValue = (ObjectNode) fx.formValue(third);
        ((ObjectNode) thirdValue.get("annualGoal")).put("actual", "丙：并发写入");

        int conflicts = 0;
        for (int attempt = 0; attempt < 5 && !projectTasks(pi).isEmpty(); attempt++) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Boolean>> jobs = new ArrayList<>();
                for (Task task : projectTasks(pi)) {
                    ObjectNode value = task.getId().equals(second.getId()) ? secondValue : thirdValue;
                    jobs.add(() -> {
                        start.await();
                        try {
                            fx.submitDraft(CLERK, task, value);
                            return true;
                        } catch (OptimisticLockingException refused) {
                            return false;
                        }
                    });
                }
                if (jobs.size() == 1) {
                    jobs.add(() -> {
                        start.await();
                        return true;
                    });
                }
                for (Future<Boolean> done : pool.invokeAll(jobs)) {
                    conflicts += done.get() ? 0 : 1;
                }
            } finally {
                pool.shutdownNow();
            }
        }
        System.out.printf(
                "[projects] concurrent completions refused by optimistic locking and completed again: %d%n", conflicts);
        assertThat(projectTasks(pi)).isEmpty();
        JsonNode stored = fx.sectionValue(pi, "projects");
        assertThat(stored.at("/1/annualGoal/actual").asText()).isEqualTo("乙：并发写入");
        assertThat(stored.at("/2/annualGoal/actual").asText()).isEqualTo("丙：并发写入");
        assertThat(progress(pi)).isEqualTo("1/6 已完成");
    }

    @Test
    void anEvaluationErrorInOneProjectReopensThatProjectAlone() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.completeProjects(pi, threeProjects());
        fx.draftAllOpen(pi);
        // A project written past its task (an earlier version of the application, a repair): 项目丙's weights are 110.
        ArrayNode projects = (ArrayNode) fx.sectionValue(pi, "projects");
        ((ObjectNode) projects.at("/2/indicators/0")).put("weight", 20);
        fx.runtimeService.setVariable(pi.getId(), "projects", fx.variables.json(projects));
        fx.submit(pi);

        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProject");
        assertThat(projectTasks(pi)).extracting(Task::getName).containsExactly("填写项目自评表：项目丙");
        assertThat(fx.formValue(projectTasks(pi).get(0))
                        .at("/indicators/0/weight")
                        .asInt())
                .isEqualTo(20);
        assertThat(progress(pi)).isEqualTo("0/1 已完成");
        ObjectNode fixed = (ObjectNode) fx.formValue(projectTasks(pi).get(0));
        ((ObjectNode) fixed.at("/indicators/0")).put("weight", new BigDecimal("10"));
        fx.submitDraft(CLERK, projectTasks(pi).get(0), fixed);
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftSubmit");
        assertThat(fx.sectionValue(pi, "projects").at("/2/indicators/0/weight").asInt())
                .isEqualTo(10);
        assertThat(fx.sectionValue(pi, "projects").at("/0")).isEqualTo(projects.get(0));
        fx.submit(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("internalReview");
        // A reviewer's return of the section reopens the list and then every project.
        fx.leaderReturn(pi, "请复核全部项目", "projects");
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProjects");
        fx.submitDraft(CLERK, fx.task(pi, "draftProjects"), fx.formValue(fx.task(pi, "draftProjects")));
        assertThat(projectTasks(pi)).hasSize(3);
    }

    @Test
    void aReviewerNamingOneProjectReopensThatProjectAlone() {
        ProcessInstance pi = fx.startSample(CLERK);
        fx.completeProjects(pi, threeProjects());
        fx.draftAllOpen(pi);
        fx.submit(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("internalReview");
        JsonNode before = fx.sectionValue(pi, "projects");

        // A project that is not in the report is refused by name; the review task stays open.
        assertThatThrownBy(() -> leaderReturnNaming(pi, "项目丁"))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("「需修改的项目」中没有名为项目丁的项目");
        BpmnAwareTests.assertThat(pi).isWaitingAtExactly("internalReview");

        // The review form sends the names it offers; only 项目乙's task reopens, without the list.
        leaderReturnNaming(pi, "项目乙");
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProject");
        assertThat(projectTasks(pi)).extracting(Task::getName).containsExactly("填写项目自评表：项目乙");
        assertThat(progress(pi)).isEqualTo("0/1 已完成");
        assertThat(fx.runtimeService
                        .getVariable(pi.getId(), "lastReturnComment")
                        .toString())
                .contains("请修改项目乙的绩效指标")
                .contains("需修改的项目：项目乙");
        Task task = projectTasks(pi).get(0);
        ObjectNode revised = (ObjectNode) fx.formValue(task);
        assertThat(revised.path("name").asText()).isEqualTo("项目乙");
        ((ObjectNode) revised.get("annualGoal")).put("actual", "乙：按审核意见修改");
        fx.submitDraft(CLERK, task, revised);

        assertThat(fx.openTaskKeys(pi)).containsExactly("draftSubmit");
        JsonNode after = fx.sectionValue(pi, "projects");
        assertThat(after.at("/1/annualGoal/actual").asText()).isEqualTo("乙：按审核意见修改");
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(2)).isEqualTo(before.get(2));
        assertThat(fx.runtimeService.getVariable(pi.getId(), ProjectSection.TO_REVISE))
                .as("the naming is used once")
                .isNull();

        // The next return of the section without naming projects reopens the list and every project again.
        fx.submit(pi);
        fx.leaderReturn(pi, "请复核全部项目", "projects");
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProjects");
    }

    /** The leader returns 项目支出绩效自评表 naming projects, as the review form sends them (a list of names). */
    private void leaderReturnNaming(ProcessInstance pi, String... names) {
        fx.completeAs(
                WorkflowFixture.LEADER,
                fx.task(pi, "internalReview"),
                Map.of(
                        "leaderDecision",
                        "return",
                        "leaderComment",
                        "请修改" + String.join("、", names) + "的绩效指标",
                        "sectionsToRevise",
                        fx.variables.json(fx.mapper.valueToTree(List.of("projects"))),
                        ProjectSection.TO_REVISE,
                        fx.variables.json(fx.mapper.valueToTree(List.of(names)))));
    }
}
