package cn.jixiao.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
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

    /**
     * The user's mistake or refusal last seen on this thread, for the REST layer, which would otherwise wrap the
     * Chinese message into an English one (and, when starting a process, answer 500).
     */
    private static final ThreadLocal<ProcessEngineException> LAST = new ThreadLocal<>();

    /** Takes (and forgets) the refusal recorded on this thread, if any. */
    public static ProcessEngineException takeLast() {
        ProcessEngineException last = LAST.get();
        LAST.remove();
        return last;
    }

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
                    if (cause instanceof InputRefused
                            || cause instanceof AuthorizationException
                            || cause instanceof Conflict) {
                        LAST.set((ProcessEngineException) cause);
                        throw (ProcessEngineException) cause;
                    }
                    if (cause instanceof OptimisticLockingException conflict) {
                        // A listener that saw another transaction's commit half-way refuses as the engine's own
                        // flush would: the caller tries again (409), instead of a wrapped 500.
                        throw conflict;
                    }
                }
                throw e;
            }
        }
    }
}
