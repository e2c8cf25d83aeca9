package cn.jixiao.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A request that would make a second of something there must be one of — a second report of a unit for a year, a
 * second campaign for a year. Answered 409 with a Chinese message and the id of the one that exists, by the REST
 * API, the Tasklist and the app's own API alike.
 */
public class Conflict extends ProcessEngineException {

    private static final long serialVersionUID = 1L;

    private final String existingId;

    public Conflict(String message, String existingId) {
        super(message);
        this.existingId = existingId;
    }

    public String existingId() {
        return existingId;
    }
}
