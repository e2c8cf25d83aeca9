package cn.jixiao.engine;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Camunda's full history (same id and name, so a database set up with {@code full} starts unchanged), except one
 * thing: a change of a large payload variable — a report section or the evaluation as Json, the published document
 * as a file — writes no historic detail, i.e. no second copy of the whole payload per change. Its latest value stays
 * in the historic variable instance, and everything else (decisions, comments, form fields, user operation log,
 * task and activity history) is written as under {@code full}. The profile showed these copies as the largest
 * write cost of a report (about 25 byte-array copies per report, docs/BENCHMARK.md).
 */
public final class ReportHistoryLevel extends AbstractHistoryLevel {

    /** Serializer names of the payload types: Spin's Json, Camunda's file and byte-array types. */
    static final Set<String> PAYLOAD_TYPES = Set.of("json", "file", "bytes");

    @Override
    public int getId() {
        return HistoryLevel.HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
        return ProcessEngineConfiguration.HISTORY_FULL;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                && entity instanceof HistoricVariableUpdateEventEntity update) {
            return !PAYLOAD_TYPES.contains(update.getSerializerName());
        }
        return true;
    }

    /** Equal to Camunda's own full level: the engine compares levels to decide whether full history is on. */
    @Override
    public boolean equals(Object other) {
        return other instanceof HistoryLevel level && level.getId() == getId();
    }

    @Override
    public int hashCode() {
        return getId();
    }
}
