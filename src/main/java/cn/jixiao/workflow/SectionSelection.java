package cn.jixiao.workflow;

import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.Section;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Decides which drafting tasks open: all of them at first and after a return that names no section, otherwise only
 * the sections the reviewer named in {@code sectionsToRevise}. Used by the model's inclusive gateway.
 */
@Component("sectionSelection")
public class SectionSelection {

    private final ReportVariables variables;

    SectionSelection(ReportVariables variables) {
        this.variables = variables;
    }

    public boolean isOpen(DelegateExecution execution, String sectionKey) {
        Set<String> named = named(execution);
        return named.isEmpty() || named.contains(sectionKey);
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
