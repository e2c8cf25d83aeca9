package cn.jixiao.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Puts {@link ReportHistoryLevel} in place of Camunda's full history level. */
@Component
class ReportHistoryLevelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Camunda resolves the configured name ("full") against the built-in levels and then the custom ones, and the
        // last level of that name wins: so this one replaces the built-in full level.
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(new ReportHistoryLevel());
    }
}
