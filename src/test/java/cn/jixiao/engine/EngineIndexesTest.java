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

    private Integer indexedColumns() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_NAME = ?"
                        + " AND TABLE_NAME = 'ACT_RU_AUTHORIZATION' AND COLUMN_NAME = 'USER_ID_'",
                Integer.class,
                EngineIndexes.AUTHORIZATION_USER);
    }

    private java.util.List<String> identityLinkColumns() {
        return jdbc.queryForList(
                "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_NAME = ?"
                        + " AND TABLE_NAME = 'ACT_RU_IDENTITYLINK' ORDER BY ORDINAL_POSITION",
                String.class,
                EngineIndexes.IDENTITY_LINK_TASK);
    }

    private java.util.List<String> parentTaskColumns() {
        return jdbc.queryForList(
                "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_NAME = ?"
                        + " AND TABLE_NAME = 'ACT_RU_TASK' ORDER BY ORDINAL_POSITION",
                String.class,
                EngineIndexes.TASK_PARENT);
    }

    @Test
    void authorizationsAreIndexedByUserOnceAndForAll() {
        assertThat(indexedColumns()).isEqualTo(1);
        assertThat(identityLinkColumns()).containsExactly("TASK_ID_", "TYPE_", "GROUP_ID_");
        assertThat(parentTaskColumns()).containsExactly("PARENT_TASK_ID_");
        indexes.run(null);
        assertThat(indexedColumns()).isEqualTo(1);
        assertThat(identityLinkColumns()).containsExactly("TASK_ID_", "TYPE_", "GROUP_ID_");
        assertThat(parentTaskColumns()).containsExactly("PARENT_TASK_ID_");
    }
}
