package cn.jixiao.workflow;

import static cn.jixiao.testing.WorkflowFixture.CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.testing.InMemoryWorkflowTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A drafting task completed through {@code taskService.complete} / {@code POST /engine-rest/task/{id}/complete} with
 * the section as a variable (what a REST client does, rather than the Tasklist's submit-form) must take that value,
 * and refuse it when invalid, just as the form route does.
 */
class DraftByCompleteTest extends InMemoryWorkflowTest {

    @Test
    void aChangedSectionSentWithCompleteIsStored() {
        ProcessInstance pi = fx.startSample(CLERK);
        ObjectNode basicInfo = fx.sample().get("basicInfo").deepCopy();
        ((ObjectNode) basicInfo.get("staffing")).put("temporary", 31);
        basicInfo.withArray("responsibilities").add("经 REST 完成任务时新增的职责。");

        fx.completeAs(CLERK, fx.task(pi, "draftBasicInfo"), Map.of("basicInfo", fx.variables.json(basicInfo)));

        assertThat(fx.openTaskKeys(pi)).doesNotContain("draftBasicInfo");
        assertThat(fx.sectionValue(pi, "basicInfo"))
                .as("the value sent with complete")
                .isEqualTo(basicInfo);
    }

    @Test
    void numbersSentAsTypedTextAreStoredAsTheExactNumbersOrRefusedByName() {
        ProcessInstance pi = fx.startSample(CLERK);
        ObjectNode budget = fx.sectionValue(pi, "budget").deepCopy();
        ((ObjectNode) budget.get("assets")).put("totalAssets", "1,260.50").put("totalLiabilities", "２０．５万元");
        ((ObjectNode) budget.get("assets")).put("netAssets", "1,240");
        ObjectNode wrong = budget.deepCopy();
        ((ObjectNode) wrong.get("assets")).put("netAssets", "1,24O");
        Task draft = fx.task(pi, "draftBudget");

        assertThatThrownBy(() -> fx.completeAs(CLERK, draft, Map.of("budget", fx.variables.json(wrong))))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("净资产")
                .hasMessageContaining("「O」不是数字");
        assertThat(fx.task(pi, "draftBudget").getId()).isEqualTo(draft.getId());

        fx.completeAs(CLERK, draft, Map.of("budget", fx.variables.json(budget)));
        JsonNode stored = fx.sectionValue(pi, "budget");
        assertThat(stored.at("/assets/totalAssets").isNumber()).isTrue();
        assertThat(stored.at("/assets/totalAssets").decimalValue()).isEqualByComparingTo("1260.50");
        assertThat(stored.at("/assets/totalLiabilities").decimalValue()).isEqualByComparingTo("20.5");
        assertThat(stored.at("/assets/netAssets").decimalValue()).isEqualByComparingTo("1240");
    }

    @Test
    void anInvalidSectionSentWithCompleteIsRefused() {
        ProcessInstance pi = fx.startSample(CLERK);
        Task draft = fx.task(pi, "draftProblems");
        JsonNode before = fx.sectionValue(pi, "problems");
        ObjectNode problems = before.deepCopy();
        problems.remove("measures"); // required

        assertThatThrownBy(() -> fx.completeAs(CLERK, draft, Map.of("problems", fx.variables.json(problems))))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("存在的问题及改进措施")
                .hasMessageContaining("改进措施")
                .hasMessageContaining("必填");

        assertThat(fx.task(pi, "draftProblems").getId()).isEqualTo(draft.getId());
        assertThat(fx.sectionValue(pi, "problems")).isEqualTo(before);
    }

    @Test
    void aSectionCompletedUnchangedIsNotStoredAgainAndAChangedOneIs() {
        ProcessInstance pi = fx.startSample(CLERK);
        JsonNode budget = fx.sectionValue(pi, "budget");
        int revision = sectionRevision(pi, "budget");

        fx.completeAs(CLERK, fx.task(pi, "draftBudget"), Map.of());

        assertThat(fx.openTaskKeys(pi)).doesNotContain("draftBudget");
        assertThat(fx.sectionValue(pi, "budget")).isEqualTo(budget);
        assertThat(sectionRevision(pi, "budget")).as("not written again").isEqualTo(revision);

        int problemsRevision = sectionRevision(pi, "problems");
        ObjectNode problems = fx.sectionValue(pi, "problems").deepCopy();
        problems.withArray("measures").add("完成任务时新增的改进措施。");
        fx.completeAs(CLERK, fx.task(pi, "draftProblems"), Map.of("problems", fx.variables.json(problems)));
        assertThat(fx.sectionValue(pi, "problems")).isEqualTo(problems);
        assertThat(sectionRevision(pi, "problems"))
                .as("the changed section is stored")
                .isGreaterThan(problemsRevision);
    }

    private int sectionRevision(ProcessInstance pi, String name) {
        VariableInstance variable = fx.runtimeService
                .createVariableInstanceQuery()
                .variableScopeIdIn(pi.getId())
                .variableName(name)
                .disableBinaryFetching()
                .singleResult();
        return ((VariableInstanceEntity) variable).getRevision();
    }
}
