package cn.jixiao.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/** Puts {@link ManyUnitsAuthorizationManager} in the place of the engine's authorization manager. */
@Component
class ManyUnitsAuthorizationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        // Custom session factories are registered after the engine's own, so this one replaces it.
        configuration.getCustomSessionFactories().add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new ManyUnitsAuthorizationManager();
            }
        });
    }
}
