package cn.jixiao.duty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnginePathsTest {

    @Test
    void everySpellingOfAnEngineCallLandsOnTheSamePath() {
        assertThat(EnginePaths.relative("/engine-rest/task/1/assignee")).contains("task/1/assignee");
        assertThat(EnginePaths.relative("/engine-rest/engine/default/task/1/assignee"))
                .contains("task/1/assignee");
        assertThat(EnginePaths.relative("/camunda/api/engine/engine/default/task/1/assignee"))
                .contains("task/1/assignee");
        assertThat(EnginePaths.relative("/engine-rest//task/1//assignee/")).contains("task/1/assignee");
        assertThat(EnginePaths.relative("/engine-rest/task;x=1/1/assignee;jsessionid=2"))
                .contains("task/1/assignee");
    }

    @Test
    void otherPathsAreNotEngineCalls() {
        assertThat(EnginePaths.relative("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"))
                .isEmpty();
        assertThat(EnginePaths.relative("/api/reports")).isEmpty();
        assertThat(EnginePaths.relative("/camunda/api/admin/auth/user/default/login/tasklist"))
                .isEmpty();
    }
}
