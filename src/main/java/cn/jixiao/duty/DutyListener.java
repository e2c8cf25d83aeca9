package cn.jixiao.duty;

import cn.jixiao.JixiaoProperties;
import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.record.Stage;
import cn.jixiao.report.Section;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UnitGroups;
import cn.jixiao.security.UserDirectory;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Who may hold and complete each task of a report, decided from the report's record and the person's groups,
 * whatever grants, identity links or assignments someone added to the task: the unit's clerks draft and submit,
 * its leaders review, the finance bureau reviews; administrators may act on any task (repairs, recorded in the
 * operation log). On assignment (claim, assignee, delegation) the new holder must qualify; on completion the one
 * completing, the report must be in the task's stage, and a review must not rewrite what the checks saw.
 * Runs first among each task's listeners; a system call without a user (a test, a job) is not a person and passes.
 */
@Component("dutyListener")
class DutyListener implements TaskListener {

    private final ReportIndex index;
    private final UserDirectory users;
    private final JixiaoProperties properties;
    private final StageGuard stages;

    DutyListener(ReportIndex index, UserDirectory users, JixiaoProperties properties, StageGuard stages) {
        this.index = index;
        this.users = users;
        this.properties = properties;
        this.stages = stages;
    }

    @Override
    public void notify(DelegateTask task) {
        ReportEntry report = index.find(task.getProcessInstanceId())
                .orElseThrow(() -> new AuthorizationException("该报告没有从「开始编制报告」发起，不能办理"));
        Duty duty = Duty.of(task.getTaskDefinitionKey());
        String group = duty.group(report, properties);
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            String assignee = task.getAssignee();
            if (assignee != null && !mayAct(users.load(assignee), group)) {
                throw new AuthorizationException("「" + task.getName() + "」只能由" + duty.role() + "办理，不能交给用户" + assignee);
            }
            return;
        }
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String completer = Context.getCommandContext() == null
                    ? null
                    : Context.getCommandContext().getAuthenticatedUserId();
            if (completer != null && !mayAct(users.load(completer), group)) {
                throw new AuthorizationException("「" + task.getName() + "」只能由" + duty.role() + "办理");
            }
            if (!duty.stage().equals(report.stage())) {
                throw new AuthorizationException("报告当前不在「" + task.getName() + "」环节，不能办理");
            }
            if (duty.review()) {
                List<String> changed = stages.changedSinceChecks(task.getExecution());
                if (!changed.isEmpty()) {
                    throw new InputRefused(
                            changed.get(0),
                            "「" + task.getName() + "」只能填写审核结果和意见，不能修改报告内容（" + String.join("、", changed) + "）");
                }
            }
        }
    }

    private static boolean mayAct(CurrentUser user, String group) {
        return user.inGroup(group) || user.isAdmin();
    }

    /** What each task of the report asks of the one doing it. */
    private enum Duty {
        DRAFT(Stage.DRAFTING, "本单位经办人", false),
        LEADER(Stage.INTERNAL_REVIEW, "本单位负责人", true),
        FINANCE(Stage.FINANCE_REVIEW, "财政局审核人员", true);

        private final String stage;
        private final String role;
        private final boolean review;

        Duty(String stage, String role, boolean review) {
            this.stage = stage;
            this.role = role;
            this.review = review;
        }

        static Duty of(String taskDefinitionKey) {
            if ("internalReview".equals(taskDefinitionKey)) {
                return LEADER;
            }
            if ("financeReview".equals(taskDefinitionKey)) {
                return FINANCE;
            }
            if ("draftSubmit".equals(taskDefinitionKey)
                    || Section.PROJECT_TASK_ID.equals(taskDefinitionKey)
                    || Section.byTaskId(taskDefinitionKey).isPresent()) {
                return DRAFT;
            }
            throw new IllegalStateException("not a task of the report: " + taskDefinitionKey);
        }

        String group(ReportEntry report, JixiaoProperties properties) {
            return switch (this) {
                case DRAFT -> UnitGroups.clerkGroupId(report.unitCode());
                case LEADER -> UnitGroups.leaderGroupId(report.unitCode());
                case FINANCE -> properties.financeGroup();
            };
        }

        String stage() {
            return stage;
        }

        String role() {
            return role;
        }

        boolean review() {
            return review;
        }
    }
}
