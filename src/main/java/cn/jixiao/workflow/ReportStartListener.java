package cn.jixiao.workflow;

import cn.jixiao.engine.Conflict;
import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.InstanceAccess;
import cn.jixiao.record.OneReportPerUnitAndYear;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.report.FiscalYear;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.ReportScope;
import cn.jixiao.scoring.TemplateCatalog;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UserDirectory;
import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Runs when a report starts (from the Tasklist's start form or from {@code POST /api/reports}): settles which unit
 * the report belongs to, checks the starter is a clerk of it, sets the header variables (with the 报告范围 and 评分模板
 * it names, each checked) and grants the unit access.
 */
@Component("reportStartListener")
class ReportStartListener implements ExecutionListener {

    private final UnitService units;
    private final UserDirectory users;
    private final InstanceAccess access;
    private final ReportVariables variables;
    private final ObjectMapper mapper;
    private final ReportIndex index;
    private final OneReportPerUnitAndYear uniqueness;
    private final TemplateCatalog templates;

    ReportStartListener(
            UnitService units,
            UserDirectory users,
            InstanceAccess access,
            ReportVariables variables,
            ObjectMapper mapper,
            ReportIndex index,
            OneReportPerUnitAndYear uniqueness,
            TemplateCatalog templates) {
        this.uniqueness = uniqueness;
        this.templates = templates;
        this.units = units;
        this.users = users;
        this.access = access;
        this.variables = variables;
        this.mapper = mapper;
        this.index = index;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (Corrections.START_EVENT.equals(execution.getCurrentActivityId())) {
            // The correction path starts no new report: its start event's own listener (ReportCorrectionListener) ties
            // the
            // instance to the published report it corrects.
            return;
        }
        Optional<CurrentUser> starter = users.authenticated();
        Unit unit = resolveUnit(execution, starter);
        int fiscalYear = fiscalYear(execution);

        execution.setVariable(ProcessVariables.FISCAL_YEAR, fiscalYear);
        execution.setVariable(ProcessVariables.UNIT_CODE, unit.code());
        scopeAndProfile(execution);
        JsonNode unitJson = variables.toJsonNode(execution.getVariable(ProcessVariables.UNIT));
        if (unitJson != null
                && unitJson.isObject()
                && unitJson.hasNonNull("name")
                && !unit.name().equals(unitJson.get("name").asText())) {
            // The unit's name is the register's: a report cannot carry another name into its document.
            throw new InputRefused(
                    ProcessVariables.UNIT,
                    "「单位名称」应与登记的名称一致：" + unit.name() + "（实填"
                            + unitJson.get("name").asText() + "）");
        }
        if (unitJson == null || !unitJson.isObject()) {
            ObjectNode fromRegistry =
                    mapper.createObjectNode().put("code", unit.code()).put("name", unit.name());
            if (unit.supervisor() != null) {
                fromRegistry.put("supervisor", unit.supervisor());
            }
            unitJson = fromRegistry;
            execution.setVariable(ProcessVariables.UNIT, variables.json(unitJson));
        }
        execution.setVariable(ProcessVariables.UNIT_NAME, unit.name());
        execution.setProcessBusinessKey(unit.code() + "-" + fiscalYear);
        // One report per unit and year: a second start is answered with the existing report (409).
        if (uniqueness.enabled()) {
            index.findByUnitAndYear(unit.code(), fiscalYear).ifPresent(existing -> {
                throw new Conflict(
                        "「" + unit.name() + "」" + fiscalYear + "年度的自评报告已经存在，不能重复发起，请在待办或报告列表中继续办理", existing.id());
            });
        }
        // The unit and year on record decide who may act on the report from now on, whatever variables say later.
        index.register(execution.getProcessInstanceId(), unit.code(), fiscalYear);
        access.grantUnit(execution.getProcessInstanceId(), unit.code());
    }

    /**
     * 报告范围 and 评分模板, when the start names them (the start form's choice, the report JSON, the campaign): a known
     * scope, and a template that exists now. Absent means the whole department report under the national template.
     */
    private void scopeAndProfile(DelegateExecution execution) {
        Object scope = execution.getVariable(ProcessVariables.SCOPE);
        if (scope != null && !scope.toString().isBlank()) {
            String key = scope.toString().trim();
            if (ReportScope.byKey(key).isEmpty()) {
                throw new InputRefused(
                        ProcessVariables.SCOPE, "「报告范围」应为 department（部门整体）或 projects（仅项目支出绩效自评表）（实填" + key + "）");
            }
            execution.setVariable(ProcessVariables.SCOPE, key);
        } else if (scope != null) {
            execution.removeVariable(ProcessVariables.SCOPE);
        }
        Object profile = execution.getVariable(ProcessVariables.PROFILE);
        if (profile != null && !profile.toString().isBlank()) {
            String id = profile.toString().trim();
            if (templates.find(id).isEmpty()) {
                throw new InputRefused(
                        ProcessVariables.PROFILE, "「评分模板」" + id + "不存在（内置：national 全国通用、sichuan 四川省；其他模板须由管理员部署）");
            }
            execution.setVariable(ProcessVariables.PROFILE, id);
        } else if (profile != null) {
            execution.removeVariable(ProcessVariables.PROFILE);
        }
    }

    private Unit resolveUnit(DelegateExecution execution, Optional<CurrentUser> starter) {
        String code = requestedUnitCode(execution);
        if (code == null) {
            Set<String> own = starter.map(CurrentUser::clerkUnits).orElse(Set.of());
            if (own.size() != 1) {
                if (own.isEmpty()) {
                    throw new AuthorizationException("您不是任何单位的经办人，不能发起报告");
                }
                throw new InputRefused(
                        ProcessVariables.UNIT_CODE, "「单位编码」：您是多个单位的经办人，请填写要发起报告的单位编码（" + String.join("、", own) + "）");
            }
            code = own.iterator().next();
        }
        // Rights first, so that a refusal tells nothing of which units exist or what they are called.
        if (starter.isPresent() && !starter.get().isClerkOf(code)) {
            throw new AuthorizationException("您不是该单位的经办人，不能为该单位发起报告");
        }
        String requested = code;
        Unit unit = units.find(code)
                .orElseThrow(() -> new InputRefused(ProcessVariables.UNIT_CODE, "「单位编码」" + requested + "未登记，请联系管理员"));
        return unit;
    }

    private String requestedUnitCode(DelegateExecution execution) {
        JsonNode unitJson = variables.toJsonNode(execution.getVariable(ProcessVariables.UNIT));
        if (unitJson != null && unitJson.hasNonNull("code")) {
            return unitJson.get("code").asText();
        }
        Object code = execution.getVariable(ProcessVariables.UNIT_CODE);
        return code == null || code.toString().isBlank()
                ? null
                : code.toString().trim();
    }

    private int fiscalYear(DelegateExecution execution) {
        Object value = execution.getVariable(ProcessVariables.FISCAL_YEAR);
        // Typed as people type it: ２０２３ and 2023年 are the year 2023.
        return FiscalYear.read(value)
                .orElseThrow(() -> new InputRefused(ProcessVariables.FISCAL_YEAR, FiscalYear.problem(value)));
    }
}
