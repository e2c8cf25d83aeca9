package cn.jixiao.workflow;

import cn.jixiao.security.InstanceAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** When a report first reaches 财政局审核, the finance bureau may read it from then on, never before. */
@Component("financeAccessListener")
public class FinanceAccessListener implements ExecutionListener {

  private final InstanceAccess access;

  public FinanceAccessListener(InstanceAccess access) {
    this.access = access;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(execution.getVariable(ProcessVariables.SEEN_BY_FINANCE))) {
      access.grantFinance(execution.getProcessInstanceId(), (String) execution.getVariable(ProcessVariables.FINANCE_GROUP));
      execution.setVariable(ProcessVariables.SEEN_BY_FINANCE, true);
    }
  }
}
