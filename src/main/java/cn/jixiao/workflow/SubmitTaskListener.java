package cn.jixiao.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 提交审核 shows the clerk the review history so far, from the review log. */
@Component("submitTaskListener")
public class SubmitTaskListener implements TaskListener {

  private final ReviewLog log;

  public SubmitTaskListener(ReviewLog log) {
    this.log = log;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewDecisionListener.showHistory(task, log);
  }
}
