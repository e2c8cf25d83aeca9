package cn.jixiao.workflow;

import java.util.ArrayList;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a listener throws into a generic exception, which the REST API answers with 500. This
 * interceptor hands the user's own mistake ({@link InputRefused}, answered 400) or a refusal of rights
 * ({@link AuthorizationException}, answered 403) back unwrapped, so clients and the Tasklist get the Chinese message
 * and the right status. The transaction has already rolled back: the task stays open.
 */
@Component
public class UserErrorUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Unwrapper());
  }

  static final class Unwrapper extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof InputRefused || cause instanceof AuthorizationException) {
            throw (ProcessEngineException) cause;
          }
        }
        throw e;
      }
    }
  }
}
