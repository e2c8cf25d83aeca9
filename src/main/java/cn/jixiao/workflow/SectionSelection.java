package cn.jixiao.workflow;

import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.ReportScope;
import cn.jixiao.report.Section;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Decides which drafting tasks open: all the report's sections at first and after a return that names no section,
 * otherwise only the sections the reviewer named in {@code sectionsToRevise}. A report of 报告范围 仅项目支出绩效自评表
 * ({@code scope} projects) has the projects section alone, so nothing else ever opens. Used by the model's inclusive
 * gateway.
 */
@Component("sectionSelection")
public class SectionSelection {

    private final ReportVariables variables;

    SectionSelection(ReportVariables variables) {
        this.variables = variables;
    }

    public boolean isOpen(DelegateExecution execution, String sectionKey) {
        if (scope(execution).sections().stream().noneMatch(s -> s.key().equals(sectionKey))) {
            return false;
        }
        Set<String> named = named(execution);
        return named.isEmpty() || named.contains(sectionKey);
    }

    /** The report's 报告范围, from its process variable (absent: the whole department report). */
    static ReportScope scope(org.camunda.bpm.engine.delegate.VariableScope execution) {
        return ReportScope.of(execution.getVariable(ProcessVariables.SCOPE));
    }

    private Set<String> named(DelegateExecution execution) {
        JsonNode list = variables.toJsonNode(execution.getVariable(ProcessVariables.SECTIONS_TO_REVISE));
        Set<String> keys = new HashSet<>();
        if (list != null && list.isArray()) {
            list.forEach(item -> Section.byKey(item.asText()).ifPresent(s -> keys.add(s.key())));
        }
        return keys;
    }
}
