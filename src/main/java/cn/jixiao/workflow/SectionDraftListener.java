package cn.jixiao.workflow;

import cn.jixiao.report.ReportSchemaValidator;
import cn.jixiao.report.Section;
import cn.jixiao.report.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing a drafting task: stores the section as a Json variable whatever shape the form sent, and refuses a
 * section that breaks the schema with a Chinese message per field. A refusal rolls back, so the task stays open.
 */
@Component("sectionDraftListener")
public class SectionDraftListener implements TaskListener {

  private final ReportVariables variables;
  private final ReportSchemaValidator validator;

  public SectionDraftListener(ReportVariables variables, ReportSchemaValidator validator) {
    this.variables = variables;
    this.validator = validator;
  }

  @Override
  public void notify(DelegateTask task) {
    Section section = Section.byTaskId(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("not a section task: " + task.getTaskDefinitionKey()));
    JsonNode value = variables.toJsonNode(task.getVariable(section.key()));
    if (value == null || value.isNull()) {
      if (section == Section.OTHER_NOTES) {
        return;
      }
      throw new InputRefused(section.key(), "「" + section.label() + "」尚未填写，请填写后再完成");
    }
    ObjectNode report = variables.assemble(task::getVariable);
    report.set(section.key(), value);
    List<Violation> violations = validator.validateSection(report, section.key());
    if (!violations.isEmpty()) {
      throw new InputRefused(section.key(), ViolationMessages.of("「" + section.label() + "」有以下内容需要修改：", violations));
    }
    task.setVariable(section.key(), variables.json(value));
  }
}
