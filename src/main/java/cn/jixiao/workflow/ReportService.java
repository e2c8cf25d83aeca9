package cn.jixiao.workflow;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.record.ReportRecord;
import cn.jixiao.record.ReviewLog;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UserDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Service;

/**
 * Starts reports and reads them back: the content from the engine's history (the latest value of every variable,
 * for running and ended reports alike), the facts that decide access from the report index, the review history
 * from the review log.
 */
@Service
public class ReportService {

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final UserDirectory users;
    private final ReportVariables variables;
    private final ReportIndex index;
    private final ReviewLog reviewLog;
    private final ProcessEngine engine;
    private final Object correctionLock = new Object();

    public ReportService(
            RuntimeService runtimeService,
            HistoryService historyService,
            UserDirectory users,
            ReportVariables variables,
            ReportIndex index,
            ReviewLog reviewLog,
            ProcessEngine engine) {
        this.engine = engine;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.users = users;
        this.variables = variables;
        this.index = index;
        this.reviewLog = reviewLog;
    }

    /** Starts a report filled with the given (schema-valid) report, as the given clerk. */
    public String start(JsonNode report, CurrentUser clerk) {
        return users.as(
                clerk,
                () -> runtimeService
                        .startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, variables.fromReport(report))
                        .getId());
    }

    /** The report's stored evaluation (总分, 等级, findings), or null before its first check. */
    public JsonNode evaluationOf(String processInstanceId) {
        List<HistoricVariableInstance> found = historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableName(ProcessVariables.EVALUATION)
                .disableCustomObjectDeserialization()
                .list();
        for (HistoricVariableInstance v : found) {
            if (processInstanceId.equals(v.getActivityInstanceId()) || processInstanceId.equals(v.getExecutionId())) {
                return variables.toJsonNode(v.getTypedValue() instanceof JsonValue json ? json : v.getValue());
            }
        }
        return null;
    }

    public Optional<ReportEntry> entry(String processInstanceId) {
        return index.find(processInstanceId);
    }

    /** The report (by its id, or the id of the process instance carrying it), as its current instance holds it. */
    public Optional<ReportRecord> find(String id) {
        return index.find(id).map(entry -> {
            Map<String, Object> values = processScopeValues(entry.processInstanceId());
            return new ReportRecord(
                    entry,
                    withRecordedHeader(variables.assemble(values::get), entry),
                    reviewLog.of(entry.id()),
                    variables.toJsonNode(values.get(ProcessVariables.EVALUATION)));
        });
    }

    /**
     * 更正: takes the published report off the public page and back to its unit, by starting the correction path of
     * the report process (its message start event) on the finance bureau's (or an administrator's) behalf. The
     * caller's rights were checked by the API; Camunda's grant to create instances, which only clerks hold, is not
     * asked for here (the start event's listener checks the requester again). Returns the id of the process instance
     * that carries the report from now on.
     *
     * @throws CorrectionRefused when the report is not published now (or is being corrected already)
     * @throws InputRefused when the reason will not do
     */
    public String requestCorrection(String reportId, String reason, CurrentUser requester) {
        Map<String, Object> start = new HashMap<>();
        start.put(Corrections.REPORT_VARIABLE, reportId);
        start.put(Corrections.REASON_VARIABLE, reason);
        // One correction at a time in this application; the record's conditional update decides between applications.
        synchronized (correctionLock) {
            try {
                CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getCommandExecutorTxRequired();
                ProcessInstance instance = users.as(
                        requester,
                        () -> commands.execute(context -> context.runWithoutAuthorization(() -> runtimeService
                                .createMessageCorrelation(Corrections.MESSAGE)
                                .setVariables(start)
                                .correlateStartMessage())));
                return instance.getId();
            } catch (ProcessEngineException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof CorrectionRefused refused) {
                        throw refused;
                    }
                    if (cause instanceof InputRefused refused) {
                        throw refused;
                    }
                }
                throw e;
            }
        }
    }

    /** The report as it stands in a running process, for the process's own service tasks. */
    public ObjectNode current(DelegateExecution execution) {
        ObjectNode report = variables.assemble(execution::getVariable);
        return index.find(execution.getProcessInstanceId())
                .map(entry -> withRecordedHeader(report, entry))
                .orElse(report);
    }

    public List<ReportEntry> list(
            Integer fiscalYear, String unitCode, String stage, ReportIndex.Visibility visibility) {
        return index.list(fiscalYear, unitCode, stage, visibility);
    }

    /** The unit code and year are those the report was started with, whatever its variables say now. */
    private static ObjectNode withRecordedHeader(ObjectNode report, ReportEntry entry) {
        report.put("fiscalYear", entry.fiscalYear());
        report.withObject("/unit").put("code", entry.unitCode());
        return report;
    }

    /** Latest values of the process-level variables (task-local copies, if any, are ignored). */
    private Map<String, Object> processScopeValues(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        List<HistoricVariableInstance> all = historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .disableCustomObjectDeserialization()
                .list();
        for (HistoricVariableInstance v : all) {
            boolean processScope =
                    processInstanceId.equals(v.getActivityInstanceId()) || processInstanceId.equals(v.getExecutionId());
            if (processScope || !values.containsKey(v.getName())) {
                // Json stays typed (read from its serialized text); everything else as its plain value.
                values.put(v.getName(), v.getTypedValue() instanceof JsonValue json ? json : v.getValue());
            }
        }
        return values;
    }
}
