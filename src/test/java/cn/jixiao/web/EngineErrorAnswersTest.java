package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EngineErrorAnswersTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aRequestsMistakeAnsweredWith500BecomesA400WithoutTheEnginesInsides() {
        var answer = EngineErrorAnswers.rewrite(
                500,
                "{\"type\":\"NullPointerException\",\"message\":\"Cannot invoke "
                        + "\\\"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.getId()\\\" because \\\"task\\\" is null\"}",
                mapper);
        assertThat(answer).hasValueSatisfying(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.message()).startsWith("请求无法处理").doesNotContain("org.camunda", "Cannot invoke");
        });
        var plain = EngineErrorAnswers.rewrite(
                500, "{\"type\":\"ProcessEngineException\",\"message\":\"Unknown sort key\"}", mapper);
        assertThat(plain)
                .hasValueSatisfying(a ->
                        assertThat(a.message()).contains("Unknown sort key").contains("请求无法处理"));
    }

    @Test
    void aFaultOfTheDatabaseStaysA500WithoutItsText() {
        var answer = EngineErrorAnswers.rewrite(
                500,
                "{\"type\":\"ProcessEngineException\",\"message\":\"### Error querying database."
                        + " Cause: org.h2.jdbc.JdbcSQLNonTransientConnectionException: Database is already closed\"}",
                mapper);
        assertThat(answer).hasValueSatisfying(a -> {
            assertThat(a.status()).isEqualTo(500);
            assertThat(a.message()).isEqualTo("系统内部错误，请稍后重试或联系管理员");
        });
    }

    @Test
    void aClientErrorKeepsItsStatusAndLosesOnlyTheInsides() {
        var answer = EngineErrorAnswers.rewrite(
                400,
                "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot convert value "
                        + "'abc' of type 'String' to java type class java.lang.Integer\"}",
                mapper);
        assertThat(answer).hasValueSatisfying(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.type()).isEqualTo("InvalidRequestException");
            assertThat(a.message()).doesNotContain("java.lang");
        });
        assertThat(EngineErrorAnswers.rewrite(
                        404,
                        "{\"type\":\"InvalidRequestException\",\"message\":\"No matching task with id x\"}",
                        mapper))
                .as("a plain message stays")
                .isEmpty();
        assertThat(EngineErrorAnswers.rewrite(200, "{}", mapper)).isEmpty();
    }
}
