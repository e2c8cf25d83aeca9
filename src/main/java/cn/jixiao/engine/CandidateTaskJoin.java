package cn.jixiao.engine;

import java.sql.Connection;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The Tasklist's 本单位待办 asks Camunda for the open tasks of the user's candidate groups, and Camunda writes it as
 * {@code ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I … WHERE I.TYPE_ = 'candidate' and I.GROUP_ID_ IN (…)}.
 * The WHERE clause already rejects tasks without such a link, so the outer join is an inner join in all but name;
 * but H2 keeps an outer join's order and so reads every open task of the county per request (9–10 ms with 6,000
 * open tasks, twice per list: the page and the count), where starting from the few links of the user's groups takes
 * a fraction of a millisecond. This rewrites exactly that statement — its whole WHERE clause must match, so a query
 * with any other condition (an {@code or}, an assignee, variables) is left as Camunda wrote it — into the inner
 * join it means. Same rows, other join order.
 */
@Component
class CandidateTaskJoin extends AbstractProcessEnginePlugin {

    private static final String OUTER = "from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ ";
    private static final String INNER =
            "from ACT_RU_TASK RES inner join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ ";
    private static final Pattern CANDIDATE_GROUPS_ONLY =
            Pattern.compile("select (?:distinct RES\\.[A-Z_]+(?:, RES\\.[A-Z_]+)*|count\\(distinct RES\\.ID_ \\)) "
                    + Pattern.quote(OUTER)
                    + "WHERE \\( 1 = 1 and \\( I\\.TYPE_ = 'candidate' and \\( I\\.GROUP_ID_ IN \\( \\?(?: , \\?)* \\) \\) \\)"
                    + " and RES\\.SUSPENSION_STATE_ = 1 \\) and \\(RES\\.TENANT_ID_ is null \\)"
                    + "(?: order by RES\\.[A-Z_]+ (?:asc|desc)(?: LIMIT \\? OFFSET \\?)?)?");

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Rewrite());
    }

    /** The inner-join form of the candidate-groups task query, or empty for any other statement. */
    static Optional<String> innerJoin(String sql) {
        String normalized = sql.replaceAll("\\s+", " ").trim();
        if (!normalized.contains(OUTER)
                || !CANDIDATE_GROUPS_ONLY.matcher(normalized).matches()) {
            return Optional.empty();
        }
        return Optional.of(normalized.replace(OUTER, INNER));
    }

    @Intercepts(
            @Signature(
                    type = StatementHandler.class,
                    method = "prepare",
                    args = {Connection.class, Integer.class}))
    static final class Rewrite implements Interceptor {

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            BoundSql bound = ((StatementHandler) invocation.getTarget()).getBoundSql();
            String sql = bound.getSql();
            if (sql.contains("ACT_RU_IDENTITYLINK")) {
                innerJoin(sql).ifPresent(rewritten -> {
                    MetaObject meta = SystemMetaObject.forObject(bound);
                    meta.setValue("sql", rewritten);
                });
            }
            return invocation.proceed();
        }

        @Override
        public void setProperties(Properties properties) {
            // none
        }
    }
}
