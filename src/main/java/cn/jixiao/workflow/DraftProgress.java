package cn.jixiao.workflow;

import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.Section;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What a task card tells at a glance (the Tasklist filters show these variables on every card): how far the
 * report's drafting is ({@code draftProgress}, "2/6 已完成"; "0/1" for a report of the tables alone, whose only section is
 * the projects) and whether this round is a return
 * ({@code roundMark}, "退回修改", or "更正" when a published report came back for correction). Written only by the
 * workflow: when drafting opens and when a section is done. The bean's name differs from its variables', since a process variable hides a bean of the same name in the model's
 * expressions.
 */
@Component("draftProgressRecorder")
public class DraftProgress {

    static final String OPENED = "draftOpened";
    static final String DONE = "draftDone";
    public static final String PROGRESS = "draftProgress";
    public static final String ROUND_MARK = "roundMark";

    private final SectionSelection selection;

    DraftProgress(SectionSelection selection) {
        this.selection = selection;
    }

    /** Drafting opens (first round, or again after a return): the sections about to open, none done yet. */
    public void opened(DelegateExecution execution) {
        long opened = Arrays.stream(Section.values())
                .filter(s -> selection.isOpen(execution, s.key()))
                .count();
        execution.setVariable(OPENED, (int) opened);
        execution.setVariable(DONE, 0);
        execution.setVariable(PROGRESS, text(0, (int) opened));
        Object lastReturn = execution.getVariable(ProcessVariables.LAST_RETURN_COMMENT);
        Object correction = execution.getVariable(Corrections.REQUEST_LINE_VARIABLE);
        execution.setVariable(
                ROUND_MARK,
                lastReturn == null || lastReturn.toString().isBlank()
                        ? "编制中"
                        : lastReturn.equals(correction) ? "更正" : "退回修改");
    }

    /** A section's drafting task was completed. */
    public void sectionDone(DelegateExecution execution) {
        Object openedValue = execution.getVariable(OPENED);
        Object doneValue = execution.getVariable(DONE);
        int opened = openedValue instanceof Number n ? n.intValue() : Section.values().length;
        int done = Math.min(opened, (doneValue instanceof Number n ? n.intValue() : 0) + 1);
        execution.setVariable(DONE, done);
        execution.setVariable(PROGRESS, text(done, opened));
    }

    /** The report left drafting for review. */
    public void submitted(DelegateExecution execution) {
        execution.setVariable(PROGRESS, "已提交");
        execution.setVariable(ROUND_MARK, "审核中");
    }

    static String text(int done, int opened) {
        return done + "/" + opened + " 已完成";
    }
}
