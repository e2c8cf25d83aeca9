package cn.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.InMemoryWorkflowTest;
import cn.jixiao.testing.WorkflowFixture;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** What the task cards show: the round (编制中 / 退回修改 / 审核中) and how far this round's drafting is. */
class DraftProgressTest extends InMemoryWorkflowTest {

    private Object variable(ProcessInstance pi, String name) {
        return fx.runtimeService.getVariable(pi.getId(), name);
    }

    @Test
    void theCardsFollowTheReportThroughARound() {
        ProcessInstance pi = fx.startSample(WorkflowFixture.CLERK);
        assertThat(variable(pi, DraftProgress.PROGRESS)).isEqualTo("0/6 已完成");
        assertThat(variable(pi, DraftProgress.ROUND_MARK)).isEqualTo("编制中");

        var first = fx.task(pi, "draftBudget");
        fx.submitDraft(WorkflowFixture.CLERK, first, fx.formValue(first));
        var second = fx.task(pi, "draftProblems");
        fx.submitDraft(WorkflowFixture.CLERK, second, fx.formValue(second));
        assertThat(variable(pi, DraftProgress.PROGRESS)).isEqualTo("2/6 已完成");

        fx.draftAllOpen(pi);
        assertThat(variable(pi, DraftProgress.PROGRESS)).isEqualTo("6/6 已完成");
        fx.submit(pi);
        assertThat(variable(pi, DraftProgress.PROGRESS)).isEqualTo("已提交");
        assertThat(variable(pi, DraftProgress.ROUND_MARK)).isEqualTo("审核中");

        fx.leaderReturn(pi, "请补充问题", "problems");
        assertThat(fx.openTaskKeys(pi)).containsExactly("draftProblems");
        assertThat(variable(pi, DraftProgress.PROGRESS)).isEqualTo("0/1 已完成");
        assertThat(variable(pi, DraftProgress.ROUND_MARK)).isEqualTo("退回修改");
    }
}
