package cn.jixiao.workflow;

import cn.jixiao.JixiaoProperties;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.security.UnitGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Candidate groups of the model's user tasks, from the report's own record (its unit) and the configuration (the
 * finance bureau): never from process variables, which task completers can write.
 */
@Component("reportGroups")
public class ReportGroups {

    private final ReportIndex index;
    private final JixiaoProperties properties;

    ReportGroups(ReportIndex index, JixiaoProperties properties) {
        this.index = index;
        this.properties = properties;
    }

    public String clerks(DelegateExecution execution) {
        return UnitGroups.clerkGroupId(unitOf(execution));
    }

    public String leaders(DelegateExecution execution) {
        return UnitGroups.leaderGroupId(unitOf(execution));
    }

    public String finance() {
        return properties.financeGroup();
    }

    private String unitOf(DelegateExecution execution) {
        return index.find(execution.getProcessInstanceId())
                .orElseThrow(
                        () -> new IllegalStateException("report not registered: " + execution.getProcessInstanceId()))
                .unitCode();
    }
}
