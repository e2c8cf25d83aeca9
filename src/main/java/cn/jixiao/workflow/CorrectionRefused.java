package cn.jixiao.workflow;

import org.camunda.bpm.engine.ProcessEngineException;

/** A correction the report's record does not allow now (thrown in the engine's transaction, which rolls back). */
public class CorrectionRefused extends ProcessEngineException {

    private static final long serialVersionUID = 1L;

    private final Corrections.Refusal refusal;

    public CorrectionRefused(Corrections.Refusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public Corrections.Refusal refusal() {
        return refusal;
    }
}
