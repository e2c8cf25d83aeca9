package cn.jixiao.workflow;

import cn.jixiao.report.Section;
import cn.jixiao.security.UserDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The review tasks. On create: clears the previous round's decision so nothing stale applies. On complete: refuses
 * a missing decision or a return without comment (the task stays open), then keeps the decision in the report's
 * comment history and in Camunda's task comments, and leaves a return's comment for the reopened drafting tasks.
 */
@Component("reviewDecisionListener")
public class ReviewDecisionListener implements TaskListener {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private final ReportVariables variables;
  private final UserDirectory users;
  private final ObjectMapper mapper;

  public ReviewDecisionListener(ReportVariables variables, UserDirectory users, ObjectMapper mapper) {
    this.variables = variables;
    this.users = users;
    this.mapper = mapper;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewStep step = ReviewStep.byTaskId(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("not a review task: " + task.getTaskDefinitionKey()));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.getExecution().removeVariable(step.decisionVariable());
      task.getExecution().removeVariable(step.commentVariable());
      task.getExecution().removeVariable(ProcessVariables.SECTIONS_TO_REVISE);
      return;
    }
    record(task, step);
  }

  private void record(DelegateTask task, ReviewStep step) {
    Object decisionValue = task.getVariable(step.decisionVariable());
    String decision = decisionValue == null ? "" : decisionValue.toString().trim();
    if (!step.decisions().containsKey(decision)) {
      throw new InputRefused(step.decisionVariable(), "「审核结果」请选择" + String.join("或", step.decisions().values().stream().sorted().toList()));
    }
    Object commentValue = task.getVariable(step.commentVariable());
    String comment = commentValue == null ? "" : commentValue.toString().trim();
    boolean isReturn = ReviewStep.RETURN.equals(decision);
    if (isReturn && comment.isEmpty()) {
      throw new InputRefused(step.commentVariable(), "「审核意见」退回修改时必须填写审核意见，说明需要修改的内容");
    }
    List<String> sections = isReturn ? sectionsToRevise(task) : List.of();
    task.setVariable(ProcessVariables.SECTIONS_TO_REVISE, variables.json(mapper.valueToTree(sections)));

    String author = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    ReviewComment entry = new ReviewComment(step.taskId(), step.label(), decision, step.decisions().get(decision),
        author, users.displayName(author), TIME.format(ClockUtil.getCurrentTime().toInstant()), comment, sections);
    ArrayNode history = history(task);
    history.add(mapper.valueToTree(entry));
    task.setVariable(ProcessVariables.REVIEW_COMMENTS, variables.json(history));
    task.setVariable(ProcessVariables.REVIEW_HISTORY_TEXT, historyText(history));
    if (isReturn) {
      task.setVariable(ProcessVariables.LAST_RETURN_COMMENT, line(entry));
    }
    if (!comment.isEmpty() || isReturn) {
      task.getProcessEngineServices().getTaskService()
          .createComment(task.getId(), task.getProcessInstanceId(), step.label() + "：" + entry.decisionLabel() + "。" + comment);
    }
  }

  private List<String> sectionsToRevise(DelegateTask task) {
    JsonNode named = variables.toJsonNode(task.getVariable(ProcessVariables.SECTIONS_TO_REVISE));
    Set<String> keys = new LinkedHashSet<>();
    if (named != null && named.isArray()) {
      for (JsonNode item : named) {
        String key = item.asText();
        Section.byKey(key).orElseThrow(() -> new InputRefused(ProcessVariables.SECTIONS_TO_REVISE, "「需修改的章节」中没有名为" + key + "的章节"));
        keys.add(key);
      }
    } else if (named != null && named.isTextual() && !named.asText().isBlank()) {
      for (String key : named.asText().split("[,，\\s]+")) {
        Section.byKey(key).orElseThrow(() -> new InputRefused(ProcessVariables.SECTIONS_TO_REVISE, "「需修改的章节」中没有名为" + key + "的章节"));
        keys.add(key);
      }
    }
    return new ArrayList<>(keys);
  }

  private ArrayNode history(DelegateTask task) {
    JsonNode existing = variables.toJsonNode(task.getVariable(ProcessVariables.REVIEW_COMMENTS));
    return existing != null && existing.isArray() ? (ArrayNode) existing.deepCopy() : mapper.createArrayNode();
  }

  private String historyText(ArrayNode history) {
    List<String> lines = new ArrayList<>();
    for (JsonNode node : history) {
      lines.add(line(mapper.convertValue(node, ReviewComment.class)));
    }
    return String.join("\n", lines);
  }

  /** "2026-11-26 14:00 单位负责人审核 李四（leader）：退回修改。意见……（需修改：项目支出绩效自评表）". */
  static String line(ReviewComment c) {
    StringBuilder text = new StringBuilder()
        .append(c.time()).append(" ").append(c.stepLabel()).append(" ").append(c.authorName()).append("：").append(c.decisionLabel());
    if (c.comment() != null && !c.comment().isEmpty()) {
      text.append("。").append(c.comment());
    }
    if (c.sectionsToRevise() != null && !c.sectionsToRevise().isEmpty()) {
      text.append("（需修改：")
          .append(String.join("、", c.sectionsToRevise().stream().map(k -> Section.byKey(k).map(Section::label).orElse(k)).toList()))
          .append("）");
    }
    return text.toString();
  }
}
