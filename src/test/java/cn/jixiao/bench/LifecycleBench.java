package cn.jixiao.bench;

import cn.jixiao.JixiaoProperties;
import cn.jixiao.record.Stage;
import cn.jixiao.report.FormValues;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.Section;
import cn.jixiao.scoring.EvaluationJson;
import cn.jixiao.scoring.ReportAssessment;
import cn.jixiao.security.AccessGrants;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UnitGroups;
import cn.jixiao.security.UserDirectory;
import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import cn.jixiao.web.ReportBodyValidation;
import cn.jixiao.workflow.ReportDocuments;
import cn.jixiao.workflow.ReportService;
import cn.jixiao.workflow.ReportVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * lifecycle and the warm document figures. The application context runs on a fresh H2 file database in the build
 * directory with the job executor off: the benchmark executes each report's publication job itself right after the
 * finance bureau accepts (as PublicationTest does), so every report is measured to the end, document included. The
 * bare baseline runs in the same engine, the same JVM, as the same users.
 */
final class LifecycleBench {

    static final String SAMPLE = "/examples/hengshan-approval-bureau-2022.corrected.json";
    static final Unit UNIT = new Unit("430423-XZSP", "衡山县行政审批服务局", "衡山县人民政府");
    static final String CLERK = "benchclerk";
    static final String LEADER = "benchleader";
    static final String FINANCE = "benchfinance";

    private final BenchConfig config;
    private final ProcessEngine engine;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final ReportService reports;
    private final ReportVariables variables;
    private final ReportBodyValidation validation;
    private final ReportDocuments documents;
    private final ReportAssessment assessment;
    private final ObjectMapper mapper;
    private final JdbcTemplate jdbc;
    private final ObjectNode sample;
    private CurrentUser clerk;
    private CurrentUser leader;
    private CurrentUser finance;

    private LifecycleBench(BenchConfig config, ConfigurableApplicationContext context) {
        this.config = config;
        this.engine = context.getBean(ProcessEngine.class);
        this.runtimeService = engine.getRuntimeService();
        this.taskService = engine.getTaskService();
        this.formService = engine.getFormService();
        this.identityService = engine.getIdentityService();
        this.managementService = engine.getManagementService();
        this.reports = context.getBean(ReportService.class);
        this.variables = context.getBean(ReportVariables.class);
        this.validation = context.getBean(ReportBodyValidation.class);
        this.documents = context.getBean(ReportDocuments.class);
        this.assessment = context.getBean(ReportAssessment.class);
        this.mapper = context.getBean(ObjectMapper.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.sample = sample(mapper);
        setUp(context);
    }

    static void run(BenchConfig config, BenchResults results) {
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext context = BenchApp.start(
                config.dir().resolve("db-lifecycle"),
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                "--jixiao.admin.password=Jx-Bench-Passw0rd-42")) {
            LifecycleBench bench = new LifecycleBench(config, context);
            if (config.runs("lifecycle")) {
                bench.lifecycle(results.section("lifecycle"));
            }
            if (config.runs("document")) {
                bench.warmDocument(results.section("document"));
            }
        }
        System.out.printf("[bench] lifecycle/document done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static ObjectNode sample(ObjectMapper mapper) {
        try (InputStream in = LifecycleBench.class.getResourceAsStream(SAMPLE)) {
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setUp(ConfigurableApplicationContext context) {
        String financeGroup = context.getBean(JixiaoProperties.class).financeGroup();
        context.getBean(UnitService.class).register(UNIT);
        user(CLERK, UnitGroups.clerkGroupId(UNIT.code()));
        user(LEADER, UnitGroups.leaderGroupId(UNIT.code()));
        user(FINANCE, financeGroup);
        UserDirectory users = context.getBean(UserDirectory.class);
        clerk = users.load(CLERK);
        leader = users.load(LEADER);
        finance = users.load(FINANCE);
        // The bare process: deployed in the same engine, startable by the same clerks.
        engine.getRepositoryService()
                .createDeployment()
                .name("bench-bare")
                .addModelInstance(
                        "bench-bare.bpmn", BareProcess.model(UNIT.clerkGroupId(), UNIT.leaderGroupId(), financeGroup))
                .deploy();
        context.getBean(AccessGrants.class)
                .grantGroup(
                        UNIT.clerkGroupId(),
                        Resources.PROCESS_DEFINITION,
                        BareProcess.KEY,
                        Permissions.READ,
                        Permissions.CREATE_INSTANCE);
    }

    private void user(String id, String groupId) {
        User user = identityService.newUser(id);
        user.setFirstName(id);
        user.setLastName("基准");
        user.setPassword("Bench-Passw0rd-1!");
        ((IdentityServiceImpl) identityService).saveUser(user, true);
        identityService.createMembership(id, groupId);
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------------

    private void lifecycle(ObjectNode out) {
        int n = config.reports();
        System.out.printf(
                "[bench] lifecycle: warm-up %d + %d, then %d runs of %d reports and %d bare instances%n",
                config.warmUpReports(), config.warmUpReports(), config.runs(), n, n);
        repeat(config.warmUpReports(), this::report);
        repeat(config.warmUpReports(), this::bareInstance);
        if (SqlStats.enabled()) {
            int k = Math.min(50, n);
            SqlStats.start(jdbc);
            repeat(k, this::report);
            System.out.println("[bench] SQL of a report: "
                    + SqlStats.stop(jdbc, k, config.dir().resolve("sql-report.txt")));
            SqlStats.start(jdbc);
            repeat(k, this::bareInstance);
            System.out.println("[bench] SQL of a bare instance: "
                    + SqlStats.stop(jdbc, k, config.dir().resolve("sql-bare.txt")));
        }
        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> oursCpuList = new ArrayList<>();
        List<Double> bareCpuList = new ArrayList<>();
        var runs = out.putArray("runsDetail");
        for (int run = 1; run <= config.runs(); run++) {
            long published = publishedCount();
            double oursMs = repeat(n, this::report) / n;
            double oursCpu = lastCpuMs / n;
            if (publishedCount() - published != n) {
                throw new IllegalStateException(
                        "not every report was published: " + (publishedCount() - published) + " of " + n);
            }
            if (SqlStats.enabled()) {
                SqlStats.start(jdbc);
            }
            double bareMs = repeat(n, this::bareInstance) / n;
            if (SqlStats.enabled()) {
                System.out.println("[bench] SQL of a bare instance in run " + run + ": "
                        + SqlStats.stop(jdbc, n, config.dir().resolve("sql-bare-run" + run + ".txt")));
            }
            double bareCpu = lastCpuMs / n;
            oursCpuList.add(oursCpu);
            bareCpuList.add(bareCpu);
            ours.add(oursMs);
            bare.add(bareMs);
            ratios.add(oursMs / bareMs);
            runs.addObject()
                    .put("run", run)
                    .put("msPerReport", BenchStats.round(oursMs, 2))
                    .put("bareMsPerInstance", BenchStats.round(bareMs, 2))
                    .put("ratio", BenchStats.round(oursMs / bareMs, 2))
                    .put("cpuMsPerReport", BenchStats.round(oursCpu, 2))
                    .put("bareCpuMsPerInstance", BenchStats.round(bareCpu, 2))
                    .put("loadAverage", BenchResults.loadAverage())
                    .put("authorizationRows", authorizationRows())
                    .put("h2GroupIdSelectivity", groupIdSelectivity());
            System.out.printf(
                    "[bench] lifecycle run %d: %.1f ms per report, bare %.1f ms per instance, ratio %.2f;"
                            + " CPU %.1f / %.1f ms, ratio %.2f (load %s; %d authorizations, GROUP_ID_ selectivity %d)%n",
                    run,
                    oursMs,
                    bareMs,
                    oursMs / bareMs,
                    oursCpu,
                    bareCpu,
                    oursCpu / bareCpu,
                    BenchResults.loadAverage(),
                    authorizationRows(),
                    groupIdSelectivity());
        }
        double oursMedian = BenchStats.median(ours);
        double bareMedian = BenchStats.median(bare);
        out.put("reports", n);
        out.put("runs", config.runs());
        out.put("reportsPerSecond", BenchStats.round(1000 / oursMedian, 2));
        out.put("msPerReport", BenchStats.round(oursMedian, 2));
        out.put("bareMsPerInstance", BenchStats.round(bareMedian, 2));
        // Each run measures ours and the bare process back to back, under the same load: the ratio is the median of
        // the runs' ratios.
        out.put("ratioToBareEngine", BenchStats.round(BenchStats.median(ratios), 2));
        // The driving thread's CPU time: the engine and H2 run in it, so this is far less disturbed by other load.
        out.put("cpuMsPerReport", BenchStats.round(BenchStats.median(oursCpuList), 2));
        out.put("bareCpuMsPerInstance", BenchStats.round(BenchStats.median(bareCpuList), 2));
        out.put(
                "cpuRatioToBareEngine",
                BenchStats.round(BenchStats.median(oursCpuList) / BenchStats.median(bareCpuList), 2));
        out.put("database", "H2 file database in the build directory (fresh)");
        out.put("jobExecutor", "off: the benchmark executes each publication job itself right after acceptance");
        out.put(
                "driver",
                "one thread; each step as its user (authorizations on): POST /api/reports' validation and start, "
                        + "6 drafting forms submitted as the Tasklist does, 提交审核, 单位负责人审核 approve, 财政局审核 accept, publication job");
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** CPU milliseconds of the driving thread in the last {@link #repeat} (the engine and H2 run in it). */
    private double lastCpuMs;

    /** Runs the action n times; the total wall-clock milliseconds (and the thread's CPU time in lastCpuMs). */
    private double repeat(int n, Runnable action) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            action.run();
        }
        lastCpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
        return (System.nanoTime() - t) / 1e6;
    }

    private long authorizationRows() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * H2's statistics of ACT_RU_AUTHORIZATION.GROUP_ID_: below 20, H2 answers the engine's per-command
     * {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} from the index; otherwise it reads every row.
     */
    private int groupIdSelectivity() {
        try {
            Integer s = jdbc.queryForObject(
                    "SELECT SELECTIVITY FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_NAME = 'ACT_RU_AUTHORIZATION' AND COLUMN_NAME = 'GROUP_ID_'",
                    Integer.class);
            return s == null ? -1 : s;
        } catch (RuntimeException notH2) {
            return -1;
        }
    }

    private long publishedCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM jx_report WHERE stage = ?", Long.class, Stage.PUBLISHED);
        return count == null ? 0 : count;
    }

    /** One report from JSON to publication, each step as the user who takes it. */
    private void report() {
        validation.requireValid(sample); // what POST /api/reports checks before it starts the report
        String id = reports.start(sample, clerk);
        // Two passes: 填写项目清单 opens one 填写项目自评表 per project.
        for (int pass = 0; pass < 2; pass++) {
            for (Task task : as(
                    clerk,
                    () -> taskService
                            .createTaskQuery()
                            .processInstanceId(id)
                            .active()
                            .list())) {
                if ("draftSubmit".equals(task.getTaskDefinitionKey())) {
                    continue;
                }
                Section section = Section.PROJECT_TASK_ID.equals(task.getTaskDefinitionKey())
                        ? Section.PROJECTS
                        : Section.byTaskId(task.getTaskDefinitionKey()).orElseThrow();
                as(clerk, () -> {
                    // What the Tasklist does: read the form's variable, submit the form with it (unchanged: a clerk
                    // confirming).
                    JsonNode shown = FormValues.fromForm(
                            variables.toJsonNode(taskService.getVariableTyped(task.getId(), section.key(), false)));
                    Map<String, Object> values = new HashMap<>();
                    values.put(
                            section.key(),
                            section == Section.OTHER_NOTES && shown.isTextual()
                                    ? shown.asText()
                                    : variables.json(FormValues.toForm(shown)));
                    formService.submitTaskForm(task.getId(), values);
                    return null;
                });
            }
        }
        complete(clerk, id, "draftSubmit", Map.of());
        complete(
                leader,
                id,
                "internalReview",
                Map.of(ProcessVariables.LEADER_DECISION, "approve", ProcessVariables.LEADER_COMMENT, "同意"));
        complete(finance, id, "financeReview", Map.of(ProcessVariables.FINANCE_DECISION, "accept"));
        publish(id);
    }

    /** The same steps on the bare process, with small variables. */
    private void bareInstance() {
        String id = as(
                clerk,
                () -> runtimeService
                        .startProcessInstanceByKey(
                                BareProcess.KEY,
                                Map.of("fiscalYear", 2022, "unitCode", UNIT.code(), "unitName", UNIT.name()))
                        .getId());
        for (Task task : as(
                clerk,
                () -> taskService
                        .createTaskQuery()
                        .processInstanceId(id)
                        .active()
                        .list())) {
            as(clerk, () -> {
                taskService.getVariableTyped(task.getId(), "unitName", false);
                formService.submitTaskForm(task.getId(), Map.of("section_" + task.getTaskDefinitionKey(), "已填写"));
                return null;
            });
        }
        complete(clerk, id, "submit", Map.of());
        complete(leader, id, "leaderReview", Map.of("leaderDecision", "approve", "leaderComment", "同意"));
        complete(finance, id, "financeReview", Map.of("financeDecision", "accept"));
        publish(id);
    }

    private void complete(CurrentUser user, String instanceId, String taskKey, Map<String, Object> values) {
        as(user, () -> {
            Task task = taskService
                    .createTaskQuery()
                    .processInstanceId(instanceId)
                    .taskDefinitionKey(taskKey)
                    .active()
                    .singleResult();
            if (task == null) {
                throw new IllegalStateException("no open task " + taskKey + " in " + instanceId);
            }
            taskService.complete(task.getId(), values);
            return null;
        });
    }

    private void publish(String instanceId) {
        Job job =
                managementService.createJobQuery().processInstanceId(instanceId).singleResult();
        if (job == null) {
            throw new IllegalStateException("no publication job for " + instanceId);
        }
        managementService.executeJob(job.getId());
    }

    private <T> T as(CurrentUser user, Supplier<T> action) {
        identityService.setAuthentication(user.id(), user.groupIds());
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    // ---- document ------------------------------------------------------------------------------------------------

    /** Warm renders of the published document of the corrected sample, as 生成并公开报告 makes it. */
    private void warmDocument(ObjectNode out) {
        JsonNode evaluation = EvaluationJson.toJson(assessment.assess(sample), mapper);
        writeInputsForColdRender(evaluation);
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 20; i++) {
            documents.publish(sample, evaluation, today);
        }
        List<Double> medians = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        var runs = out.putArray("warmRuns");
        for (int run = 1; run <= config.runs(); run++) {
            double[] ms = new double[config.renders()];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                documents.publish(sample, evaluation, today);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            double median = BenchStats.median(ms);
            double p99 = BenchStats.percentile(ms, 99);
            medians.add(median);
            p99s.add(p99);
            runs.addObject()
                    .put("run", run)
                    .put("renders", ms.length)
                    .put("medianMs", BenchStats.round(median, 2))
                    .put("p99Ms", BenchStats.round(p99, 2));
            System.out.printf("[bench] document run %d: warm median %.2f ms, p99 %.2f ms%n", run, median, p99);
        }
        out.put("warmMedianMs", BenchStats.round(BenchStats.median(medians), 2));
        out.put("warmP99Ms", BenchStats.round(BenchStats.median(p99s), 2));
        out.put(
                "warmMethod",
                "ReportDocuments.publish (the final .docx as 生成并公开报告 stores it) of the corrected sample, "
                        + "20 unmeasured renders, then " + config.renders() + " per run");
    }

    /** The sample and its evaluation for the fresh-JVM render (ColdDocument). */
    private void writeInputsForColdRender(JsonNode evaluation) {
        try {
            Files.createDirectories(config.dir());
            Files.writeString(config.dir().resolve("sample.json"), mapper.writeValueAsString(sample));
            Files.writeString(config.dir().resolve("evaluation.json"), mapper.writeValueAsString(evaluation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path coldInputs(BenchConfig config, String name) {
        return config.dir().resolve(name);
    }
}
