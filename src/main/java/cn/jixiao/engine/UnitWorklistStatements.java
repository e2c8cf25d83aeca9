package cn.jixiao.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda recommends its own statements where a generic query costs too much ("custom queries" in its user guide):
 * the Tasklist's 本单位待办 runs on every clerk's screen, and Camunda's generic task query spends most of a list's
 * time building its dynamic SQL. This adds the few plain statements of that list (unit-worklist.xml) to Camunda's own
 * MyBatis configuration, so they run in Camunda's commands and fill Camunda's entities through its result maps.
 */
@Component
public class UnitWorklistStatements extends AbstractProcessEnginePlugin {

    /** The open tasks of the caller's candidate groups, one page: parameters groups, worklistOrder (a column list), firstResult, maxResults. */
    public static final String PAGE = "cn.jixiao.engine.UnitWorklist.selectUnitWorklistPage";

    /** How many open tasks the caller's candidate groups have: parameter groups. */
    public static final String COUNT = "cn.jixiao.engine.UnitWorklist.selectUnitWorklistCount";

    /** The statement of the database: PostgreSQL has its own form of each (unit-worklist.xml says why). */
    public static String forDatabase(String statement, String databaseType) {
        return "postgres".equals(databaseType) ? statement + "_postgres" : statement;
    }

    /** The databases whose paging clause (LIMIT … OFFSET …) the statements are written in. */
    public static final Set<String> DATABASES = Set.of("h2", "postgres");

    static final String RESOURCE = "cn/jixiao/engine/unit-worklist.xml";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (mybatis.hasStatement(PAGE)) {
            return;
        }
        try (InputStream xml = UnitWorklistStatements.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (xml == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            new XMLMapperBuilder(xml, mybatis, RESOURCE, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
