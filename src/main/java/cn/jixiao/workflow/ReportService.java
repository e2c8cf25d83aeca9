package cn.jixiao.workflow;

import cn.jixiao.security.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Service;

/**
 * Starts reports and reads them back from the engine's history, which holds the latest value of every variable
 * for running and ended reports alike.
 */
@Service
public class ReportService {

  private static final List<String> SUMMARY_VARIABLES = List.of(
      ProcessVariables.FISCAL_YEAR, ProcessVariables.UNIT_CODE, ProcessVariables.UNIT_NAME, ProcessVariables.STAGE,
      ProcessVariables.SEEN_BY_FINANCE);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final ReportVariables variables;

  public ReportService(RuntimeService runtimeService, HistoryService historyService, IdentityService identityService,
      ReportVariables variables) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.variables = variables;
  }

  /** Starts a report filled with the given (schema-valid) report, as the given clerk. */
  public String start(JsonNode report, CurrentUser clerk) {
    identityService.setAuthentication(clerk.id(), clerk.groupIds());
    try {
      ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, variables.fromReport(report));
      return instance.getId();
    } finally {
      identityService.clearAuthentication();
    }
  }

  public Optional<ReportRecord> find(String processInstanceId) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).processDefinitionKey(ProcessVariables.PROCESS_KEY).singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    Map<String, Object> values = processScopeValues(processInstanceId);
    return Optional.of(new ReportRecord(
        processInstanceId,
        (String) values.get(ProcessVariables.STAGE),
        values.get(ProcessVariables.FISCAL_YEAR) instanceof Number n ? n.intValue() : null,
        (String) values.get(ProcessVariables.UNIT_CODE),
        (String) values.get(ProcessVariables.UNIT_NAME),
        Boolean.TRUE.equals(values.get(ProcessVariables.SEEN_BY_FINANCE)),
        variables.assemble(values::get),
        Optional.ofNullable(variables.toJsonNode(values.get(ProcessVariables.REVIEW_COMMENTS)))
            .orElseGet(() -> variables.toJsonNode(List.of())),
        variables.toJsonNode(values.get(ProcessVariables.EVALUATION))));
  }

  /** Reports matching the filters that the predicate lets through (the caller's access rule). */
  public List<ReportSummary> list(Integer fiscalYear, String unitCode, String stage, Predicate<ReportSummaryAccess> visible) {
    HistoricProcessInstanceQuery query = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessVariables.PROCESS_KEY);
    if (fiscalYear != null) {
      query.variableValueEquals(ProcessVariables.FISCAL_YEAR, fiscalYear);
    }
    if (unitCode != null && !unitCode.isBlank()) {
      query.variableValueEquals(ProcessVariables.UNIT_CODE, unitCode);
    }
    if (stage != null && !stage.isBlank()) {
      query.variableValueEquals(ProcessVariables.STAGE, stage);
    }
    List<HistoricProcessInstance> instances = query.orderByProcessInstanceStartTime().desc().list();
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(SUMMARY_VARIABLES.toArray(String[]::new))
        .list()
        .forEach(v -> byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue()));
    List<ReportSummary> result = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> values = byInstance.getOrDefault(instance.getId(), Map.of());
      ReportSummary summary = new ReportSummary(instance.getId(),
          values.get(ProcessVariables.FISCAL_YEAR) instanceof Number n ? n.intValue() : null,
          (String) values.get(ProcessVariables.UNIT_CODE), (String) values.get(ProcessVariables.UNIT_NAME),
          (String) values.get(ProcessVariables.STAGE), instance.getStartTime(), instance.getEndTime());
      if (visible.test(new ReportSummaryAccess(summary.unitCode(), Boolean.TRUE.equals(values.get(ProcessVariables.SEEN_BY_FINANCE))))) {
        result.add(summary);
      }
    }
    return result;
  }

  /** What an access rule needs to know of a listed report. */
  public record ReportSummaryAccess(String unitCode, boolean seenByFinance) {}

  /** Latest values of the process-level variables (task-local copies, if any, are ignored). */
  private Map<String, Object> processScopeValues(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    List<HistoricVariableInstance> all = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list();
    for (HistoricVariableInstance v : all) {
      boolean processScope = processInstanceId.equals(v.getActivityInstanceId()) || processInstanceId.equals(v.getExecutionId());
      if (processScope || !values.containsKey(v.getName())) {
        // Json stays typed (read from its serialized text); everything else as its plain value.
        values.put(v.getName(), v.getTypedValue() instanceof JsonValue json ? json : v.getValue());
      }
    }
    return values;
  }
}
