package cn.jixiao.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for the queries our users run most. Camunda's authorization check selects
 * the user's grants with {@code USER_ID_ in (user, '*') or GROUP_ID_ in (groups)}; its user index starts with
 * {@code TYPE_}, so PostgreSQL read every authorization row for it (22 ms per Tasklist count with 10,000 units,
 * 0.2 ms with this index; docs/BENCHMARK.md). Created after the engine has created its tables, and only if missing.
 */
@Component
@Order(0)
class EngineIndexes implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

    static final String AUTHORIZATION_USER = "JX_IDX_AUTH_USER_ID";
    /**
     * The Tasklist's 本单位待办 joins every open task to its candidate links ({@code left join ACT_RU_IDENTITYLINK I on
     * I.TASK_ID_ = RES.ID_ … I.TYPE_ = 'candidate' and I.GROUP_ID_ in (…)}); H2 keeps the written join order, so it
     * probes the links of each open task. With the link's type and group in the index, the probe is answered from the
     * index alone.
     */
    static final String IDENTITY_LINK_TASK = "JX_IDX_IDENT_LNK_TASK_GROUP";

    /**
     * Completing a task deletes its subtasks first, so Camunda looks them up ({@code select * from ACT_RU_TASK where
     * PARENT_TASK_ID_ = ?}) at every completion. No index of Camunda's covers that column, and on PostgreSQL each
     * lookup read the whole task table: with a province's 60,000 open tasks it was the database's costliest statement
     * under load, 44 ms per completion (docs/BENCHMARK.md).
     */
    static final String TASK_PARENT = "JX_IDX_TASK_PARENT";

    private final JdbcTemplate jdbc;

    EngineIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        create(AUTHORIZATION_USER, "ACT_RU_AUTHORIZATION (USER_ID_)");
        create(IDENTITY_LINK_TASK, "ACT_RU_IDENTITYLINK (TASK_ID_, TYPE_, GROUP_ID_)");
        create(TASK_PARENT, "ACT_RU_TASK (PARENT_TASK_ID_)");
    }

    private void create(String name, String on) {
        try {
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + name + " ON " + on);
        } catch (DataAccessException e) {
            // Another node may be creating it at the same moment; the application works without it, only slower.
            LOG.warn("index {} not created: {}", name, e.getMessage());
        }
    }
}
