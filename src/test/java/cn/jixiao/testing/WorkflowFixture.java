package cn.jixiao.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.JixiaoProperties;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.record.ReviewComment;
import cn.jixiao.record.ReviewLog;
import cn.jixiao.report.FormValues;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.Section;
import cn.jixiao.security.UnitGroups;
import cn.jixiao.security.UserDirectory;
import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import cn.jixiao.workflow.ProjectListListener;
import cn.jixiao.workflow.ReportService;
import cn.jixiao.workflow.ReportVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.context.ApplicationContext;

/**
 * Shared fixtures of the workflow tests: the sample unit and its people, the corrected sample report, and the steps
 * a clerk, a leader and the finance bureau take, each run as that user (so authorizations and comment authors are
 * real). Built from an application context, so the in-memory tests and the restart test share it.
 */
public final class WorkflowFixture {

    public static final String SAMPLE = "/examples/hengshan-approval-bureau-2022.corrected.json";
    public static final Unit SAMPLE_UNIT = new Unit("430423-XZSP", "衡山县行政审批服务局", "衡山县人民政府");
    /** Another unit, whose clerk must not start reports of the sample unit. */
    public static final Unit OTHER_UNIT = new Unit("430423-WFCS", "衡山县工作流测试局", "衡山县人民政府");

    public static final String CLERK = "wfclerk";
    public static final String LEADER = "wfleader";
    public static final String FINANCE = "wffinance";
    public static final String OTHER_CLERK = "wfotherclerk";

    /** The six drafting tasks, in model order. */
    public static final List<String> DRAFT_TASKS =
            Arrays.stream(Section.values()).map(Section::taskId).toList();

    public final ProcessEngine engine;
    public final RuntimeService runtimeService;
    public final TaskService taskService;
    public final FormService formService;
    public final HistoryService historyService;
    public final RepositoryService repositoryService;
    public final IdentityService identityService;
    public final ManagementService managementService;
    public final UnitService units;
    public final UserDirectory users;
    public final ReportService reports;
    public final ReportIndex index;
    public final ReviewLog reviewLog;
    public final ReportVariables variables;
    public final ObjectMapper mapper;
    public final String financeGroup;

    public WorkflowFixture(ApplicationContext context) {
        this.engine = context.getBean(ProcessEngine.class);
        this.runtimeService = engine.getRuntimeService();
        this.taskService = engine.getTaskService();
        this.formService = engine.getFormService();
        this.historyService = engine.getHistoryService();
        this.repositoryService = engine.getRepositoryService();
        this.identityService = engine.getIdentityService();
        this.managementService = engine.getManagementService();
        this.units = context.getBean(UnitService.class);
        this.users = context.getBean(UserDirectory.class);
        this.reports = context.getBean(ReportService.class);
        this.index = context.getBean(ReportIndex.class);
        this.reviewLog = context.getBean(ReviewLog.class);
        this.variables = context.getBean(ReportVariables.class);
        this.mapper = context.getBean(ObjectMapper.class);
        this.financeGroup = context.getBean(JixiaoProperties.class).financeGroup();
    }

    /** Registers both units and creates their people (idempotent). */
    public WorkflowFixture withUnitsAndUsers() {
        units.register(SAMPLE_UNIT);
        units.register(OTHER_UNIT);
        user(CLERK, "小明", "王", UnitGroups.clerkGroupId(SAMPLE_UNIT.code()));
        user(LEADER, "局长", "李", UnitGroups.leaderGroupId(SAMPLE_UNIT.code()));
        user(FINANCE, "科长", "刘", financeGroup);
        user(OTHER_CLERK, "小红", "赵", UnitGroups.clerkGroupId(OTHER_UNIT.code()));
        return this;
    }

    private void user(String id, String firstName, String lastName, String groupId) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword("Wf-Test-Passw0rd!");
            ((IdentityServiceImpl) identityService).saveUser(user, true);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(id, groupId);
        }
    }

    // ---- the report ----------------------------------------------------------------------------------------------

    public ObjectNode sample() {
        try (InputStream in = WorkflowFixture.class.getResourceAsStream(SAMPLE)) {
            assertThat(in).as("sample report on the test classpath").isNotNull();
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the corrected sample as the given user, through {@link ReportService#start}. */
    public ProcessInstance startSample(String userId) {
        String id = reports.start(sample(), users.load(userId));
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    public long reportCount() {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .count();
    }

    /** Reports the workflow has recorded (rows of jx_report), whoever may see them. */
    public long recordedReports() {
        return index.list(null, null, null, new ReportIndex.Visibility(true, List.of(), false))
                .size();
    }

    // ---- acting as a user ----------------------------------------------------------------------------------------

    /** Runs the action as the user with all their groups, and clears the authentication whatever happens. */
    public void as(String userId, Runnable action) {
        identityService.setAuthentication(userId, users.load(userId).groupIds());
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    public void completeAs(String userId, Task task, Map<String, Object> values) {
        as(userId, () -> taskService.complete(task.getId(), values));
    }

    /**
     * Submits a drafting task the way the Tasklist does (form-js via {@code POST /task/{id}/submit-form}): the section
     * in form shape, {@code otherNotes} as an untyped String; for 填写项目自评表 ({@code draftProject}) the one project
     * as a list of one, for 填写项目清单 the list of projects.
     */
    public void submitDraft(String userId, Task task, JsonNode section) {
        Map<String, Object> values = new HashMap<>();
        if (Section.PROJECT_TASK_ID.equals(task.getTaskDefinitionKey())) {
            if (section != null) {
                values.put(
                        "projects",
                        variables.json(
                                FormValues.toForm(mapper.createArrayNode().add(section))));
            }
            as(userId, () -> formService.submitTaskForm(task.getId(), values));
            return;
        }
        Section s = Section.byTaskId(task.getTaskDefinitionKey()).orElseThrow();
        if (section != null) {
            values.put(
                    s.key(),
                    s == Section.OTHER_NOTES && section.isTextual()
                            ? section.asText()
                            : variables.json(FormValues.toForm(section)));
        }
        as(userId, () -> formService.submitTaskForm(task.getId(), values));
    }

    /**
     * What the task's form shows for its section (task-local copy first), back in report shape; for 填写项目自评表 its
     * one project, for 填写项目清单 the list (names, 主管部门, 实施单位).
     */
    public JsonNode formValue(Task task) {
        if (Section.PROJECT_TASK_ID.equals(task.getTaskDefinitionKey())) {
            JsonNode list = FormValues.fromForm(
                    variables.toJsonNode(taskService.getVariableTyped(task.getId(), "projects", false)));
            return list == null ? null : list.get(0);
        }
        Section s = Section.byTaskId(task.getTaskDefinitionKey()).orElseThrow();
        return FormValues.fromForm(variables.toJsonNode(taskService.getVariableTyped(task.getId(), s.key(), false)));
    }

    /**
     * What the drafting task's form shows of a section value: the section itself, except 填写项目清单, which shows each
     * project's name, 主管部门 and 实施单位.
     */
    public JsonNode shownBy(Task task, JsonNode section) {
        if (!"draftProjects".equals(task.getTaskDefinitionKey()) || section == null) {
            return section;
        }
        com.fasterxml.jackson.databind.node.ArrayNode list = mapper.createArrayNode();
        section.forEach(p -> list.add(ProjectListListener.identity(p)));
        return list;
    }

    /** Whether the task is one of drafting's (a section, the project list or a project), not 提交审核. */
    public static boolean isDrafting(Task task) {
        return Section.PROJECT_TASK_ID.equals(task.getTaskDefinitionKey())
                || Section.byTaskId(task.getTaskDefinitionKey()).isPresent();
    }

    /**
     * Submits every open drafting task with what its form shows, unchanged (a clerk confirming each section), and the
     * project tasks the project list opens, until only 提交审核 is left.
     */
    public void draftAllOpen(ProcessInstance pi) {
        for (int round = 0; round < 3; round++) {
            for (Task task : openTasks(pi)) {
                if (isDrafting(task)) {
                    submitDraft(CLERK, task, formValue(task));
                }
            }
        }
        assertThat(openTaskKeys(pi)).as("all drafting done").containsExactly("draftSubmit");
    }

    /** Completes the open project tasks with what their forms show (after the project list). */
    public void draftProjectsOpen(ProcessInstance pi) {
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(Section.PROJECT_TASK_ID)
                .active()
                .list()) {
            submitDraft(CLERK, task, formValue(task));
        }
    }

    /**
     * Drafts the projects section with these projects as a REST client would: the list task with the whole projects,
     * then each project's task as it stands.
     */
    public void completeProjects(ProcessInstance pi, JsonNode projects) {
        completeAs(CLERK, task(pi, "draftProjects"), Map.of("projects", variables.json(projects)));
        draftProjectsOpen(pi);
    }

    /** 提交审核, then wait until the report rests at its next user task (whatever runs in between). */
    public void submit(ProcessInstance pi) {
        completeAs(CLERK, task(pi, "draftSubmit"), Map.of());
        awaitRest(pi);
    }

    public void leaderApprove(ProcessInstance pi, String comment) {
        Map<String, Object> values = new HashMap<>();
        values.put(ProcessVariables.LEADER_DECISION, "approve");
        if (comment != null) {
            values.put(ProcessVariables.LEADER_COMMENT, comment);
        }
        completeAs(LEADER, task(pi, "internalReview"), values);
    }

    public void leaderReturn(ProcessInstance pi, String comment, String... sections) {
        Map<String, Object> values = new HashMap<>();
        values.put(ProcessVariables.LEADER_DECISION, "return");
        values.put(ProcessVariables.LEADER_COMMENT, comment);
        // A return names what reopens; none named here means 「全部章节」.
        values.put(
                ProcessVariables.SECTIONS_TO_REVISE,
                variables.json(mapper.valueToTree(sections.length > 0 ? List.of(sections) : List.of("all"))));
        completeAs(LEADER, task(pi, "internalReview"), values);
    }

    public void financeAccept(ProcessInstance pi) {
        completeAs(FINANCE, task(pi, "financeReview"), Map.of(ProcessVariables.FINANCE_DECISION, "accept"));
    }

    public void financeReturn(ProcessInstance pi, String comment) {
        completeAs(
                FINANCE,
                task(pi, "financeReview"),
                Map.of(
                        ProcessVariables.FINANCE_DECISION,
                        "return",
                        ProcessVariables.FINANCE_COMMENT,
                        comment,
                        ProcessVariables.SECTIONS_TO_REVISE,
                        variables.json(mapper.valueToTree(List.of("all")))));
    }

    // ---- reading the state ---------------------------------------------------------------------------------------

    public List<Task> openTasks(ProcessInstance pi) {
        return taskService
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .active()
                .list();
    }

    public Set<String> openTaskKeys(ProcessInstance pi) {
        return openTasks(pi).stream().map(Task::getTaskDefinitionKey).collect(Collectors.toCollection(TreeSet::new));
    }

    public Task task(ProcessInstance pi, String key) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(key)
                .active()
                .singleResult();
        assertThat(task).as("open task %s; open are %s", key, openTaskKeys(pi)).isNotNull();
        return task;
    }

    /** A section (or any Json) variable of a running report as a Jackson tree; null when absent. */
    public JsonNode sectionValue(ProcessInstance pi, String name) {
        return variables.toJsonNode(runtimeService.getVariableTyped(pi.getId(), name, false));
    }

    /** Every section variable of a running report. */
    public Map<String, JsonNode> sectionValues(ProcessInstance pi) {
        Map<String, JsonNode> values = new HashMap<>();
        for (Section section : Section.values()) {
            values.put(section.key(), sectionValue(pi, section.key()));
        }
        return values;
    }

    /** The process-scope variables of a running report, Json as Jackson trees (comparable), others as they are. */
    public Map<String, Object> processVariables(ProcessInstance pi) {
        Map<String, Object> values = new TreeMap<>();
        VariableMap all = runtimeService.getVariablesLocalTyped(pi.getId(), false);
        for (String name : all.keySet()) {
            TypedValue typed = all.getValueTyped(name);
            values.put(name, typed instanceof JsonValue json ? variables.toJsonNode(json) : typed.getValue());
        }
        return values;
    }

    /** The latest value of a process variable from history (works for ended reports too). */
    public Object historicValue(ProcessInstance pi, String name) {
        HistoricVariableInstance v = historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(name)
                .disableCustomObjectDeserialization()
                .singleResult();
        if (v == null) {
            return null;
        }
        return v.getTypedValue() instanceof JsonValue json ? json : v.getValue();
    }

    /** The review decisions on the report as the workflow keeps them (table jx_review_comment), oldest first. */
    public List<ReviewComment> reviewComments(ProcessInstance pi) {
        return reviewLog.of(pi.getId());
    }

    /** The workflow's own record of the report (table jx_report). */
    public ReportEntry entry(ProcessInstance pi) {
        return index.find(pi.getId()).orElseThrow(() -> new AssertionError("no jx_report row for " + pi.getId()));
    }

    /** Where the report stands, as recorded in jx_report (there is no stage variable). */
    public String stage(ProcessInstance pi) {
        return entry(pi).stage();
    }

    /** The candidate groups of an open task (its identity links of type candidate). */
    public Set<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Waits until the report rests at a user task or has ended. If steps between user tasks ever run as jobs, they are
     * executed here (the job executor may get there first; that is fine).
     */
    public void awaitRest(ProcessInstance pi) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        RuntimeException lastFailure = null;
        while (Instant.now().isBefore(deadline)) {
            boolean ended = runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceId(pi.getId())
                            .count()
                    == 0;
            List<Job> jobs = managementService
                    .createJobQuery()
                    .processInstanceId(pi.getId())
                    .executable()
                    .list();
            if (ended || (jobs.isEmpty() && !openTasks(pi).isEmpty())) {
                return;
            }
            for (Job job : jobs) {
                try {
                    managementService.executeJob(job.getId());
                } catch (OptimisticLockingException raced) {
                    // the job executor took it
                } catch (ProcessEngineException failed) {
                    lastFailure = failed; // gone meanwhile, or really failing: reported below if the report never rests
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("report " + pi.getId() + " did not come to rest at a user task", lastFailure);
    }
}
