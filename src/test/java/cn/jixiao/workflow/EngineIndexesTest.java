package cn.jixiao.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The index on the authorizations' user is there after start-up, and a second start leaves it as it is. */
class EngineIndexesTest extends InMemoryWorkflowTest {

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  EngineIndexes indexes;

  private Integer indexedColumns() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_NAME = ?"
        + " AND TABLE_NAME = 'ACT_RU_AUTHORIZATION' AND COLUMN_NAME = 'USER_ID_'", Integer.class,
        EngineIndexes.AUTHORIZATION_USER);
  }

  @Test
  void authorizationsAreIndexedByUserOnceAndForAll() {
    assertThat(indexedColumns()).isEqualTo(1);
    indexes.run(null);
    assertThat(indexedColumns()).isEqualTo(1);
  }
}
