package cn.jixiao.workflow;

import cn.jixiao.record.InstanceAccess;
import cn.jixiao.record.ReportIndex;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** When a report first reaches 财政局审核, the finance bureau may read it from then on, never before. */
@Component("financeAccessListener")
class FinanceAccessListener implements ExecutionListener {

    private final InstanceAccess access;
    private final ReportIndex index;
    private final ReportGroups groups;

    FinanceAccessListener(InstanceAccess access, ReportIndex index, ReportGroups groups) {
        this.access = access;
        this.index = index;
        this.groups = groups;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String id = execution.getProcessInstanceId();
        if (index.find(id).map(r -> !r.seenByFinance()).orElse(true)) {
            access.grantFinance(id, groups.finance());
            index.markSeenByFinance(id);
        }
    }
}
