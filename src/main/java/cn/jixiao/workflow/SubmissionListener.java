package cn.jixiao.workflow;

import cn.jixiao.report.ReportSchemaValidator;
import cn.jixiao.report.Violation;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing 提交审核: the whole report must satisfy the schema before anyone reviews it. */
@Component("submissionListener")
public class SubmissionListener implements TaskListener {

  private final ReportVariables variables;
  private final ReportSchemaValidator validator;

  public SubmissionListener(ReportVariables variables, ReportSchemaValidator validator) {
    this.variables = variables;
    this.validator = validator;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Violation> violations = validator.validate(variables.assemble(task::getVariable));
    if (!violations.isEmpty()) {
      throw new InputRefused("report", ViolationMessages.of("报告尚不完整，不能提交审核：", violations));
    }
  }
}
