package cn.jixiao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.InMemoryWorkflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The indexes of our own are there after start-up, and a second start leaves them as they are. */
class EngineIndexesTest extends InMemoryWorkflowTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EngineIndexes indexes;

    /** The columns of one of our indexes on a table, in order (none when it is missing). */
    private java.util.List<String> columns(String index, String table) {
        return jdbc.queryForList(
                "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_NAME = ? AND TABLE_NAME = ?"
                        + " ORDER BY ORDINAL_POSITION",
                String.class,
                index,
                table);
    }

    private void allThreeIndexesThere() {
        assertThat(columns(EngineIndexes.AUTHORIZATION_USER, "ACT_RU_AUTHORIZATION"))
                .containsExactly("USER_ID_");
        assertThat(columns(EngineIndexes.IDENTITY_LINK_TASK, "ACT_RU_IDENTITYLINK"))
                .containsExactly("TASK_ID_", "TYPE_", "GROUP_ID_");
        assertThat(columns(EngineIndexes.TASK_PARENT, "ACT_RU_TASK")).containsExactly("PARENT_TASK_ID_");
    }

    @Test
    void ourIndexesAreThereOnceAndForAll() {
        allThreeIndexesThere();
        indexes.run(null);
        allThreeIndexesThere();
    }
}
