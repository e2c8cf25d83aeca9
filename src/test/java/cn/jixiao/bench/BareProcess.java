package cn.jixiao.bench;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The bare baseline: the same shape of work for the engine as 部门整体支出绩效自评报告 — six parallel user tasks,
 * 提交审核, a synchronous no-op service task, two review user tasks each followed by a decision gateway (a return simply ends here), and an
 * asynchronous no-op service task before the end — with no listeners, no Json variables and no application code.
 */
final class BareProcess {

    static final String KEY = "benchBareProcess";
    static final String[] DRAFT_TASKS = {"t1", "t2", "t3", "t4", "t5", "t6"};

    private BareProcess() {}

    static BpmnModelInstance model(String clerkGroup, String leaderGroup, String financeGroup) {
        var fork = Bpmn.createExecutableProcess(KEY)
                .name("bare baseline")
                .camundaHistoryTimeToLive(3650)
                .startEvent("start")
                .parallelGateway("fork");
        var process =
                fork.userTask(DRAFT_TASKS[0]).camundaCandidateGroups(clerkGroup).parallelGateway("join");
        for (int i = 1; i < DRAFT_TASKS.length; i++) {
            process.moveToNode("fork")
                    .userTask(DRAFT_TASKS[i])
                    .camundaCandidateGroups(clerkGroup)
                    .connectTo("join");
        }
        return process.moveToNode("join")
                .userTask("submit")
                .camundaCandidateGroups(clerkGroup)
                .serviceTask("evaluate")
                .camundaExpression("${true}")
                .userTask("leaderReview")
                .camundaCandidateGroups(leaderGroup)
                .exclusiveGateway("leaderDecided")
                .condition("approve", "${leaderDecision == 'approve'}")
                .userTask("financeReview")
                .camundaCandidateGroups(financeGroup)
                .exclusiveGateway("financeDecided")
                .condition("accept", "${financeDecision == 'accept'}")
                .serviceTask("publish")
                .camundaAsyncBefore()
                .camundaExpression("${true}")
                .endEvent("end")
                .moveToNode("leaderDecided")
                .condition("return", "${leaderDecision != 'approve'}")
                .endEvent("leaderReturned")
                .moveToNode("financeDecided")
                .condition("return", "${financeDecision != 'accept'}")
                .endEvent("financeReturned")
                .done();
    }
}
