package cn.jixiao.worklist;

import cn.jixiao.engine.UnitWorklistStatements;
import cn.jixiao.security.TasklistFilters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.rest.hal.EmptyHalCollection;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.camunda.bpm.engine.rest.hal.HalVariableValue;
import org.camunda.bpm.engine.rest.hal.task.HalTask;
import org.camunda.bpm.engine.rest.hal.task.HalTaskList;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 本单位待办, listed as Camunda's REST API lists a filter (the same HAL document, built by Camunda's own HAL classes)
 * but without the filter machinery around the query: Camunda reads and authorizes the filter three times per list,
 * turns its stored query to JSON and back, and builds its generic task query twice (page and count), which made this
 * list most of a province's load (docs/BENCHMARK.md). Here the filter is read and authorized once and the tasks come
 * from two plain statements of the caller's candidate groups.
 *
 * <p>It answers only what it answers exactly as Camunda would: the filter must still hold the query TasklistFilters
 * gave it, the caller must be an ordinary signed-in user (groups, no tenants, no administrator) of an engine that
 * checks authorizations, and the database one the statements are written for. Anything else gets an empty answer
 * and Camunda lists it as before.
 */
@Component
class UnitWorklist {

    private final ProcessEngine engine;
    private final ProcessEngineConfigurationImpl configuration;
    private final AtomicLong served = new AtomicLong();
    private volatile boolean enabled;
    private volatile Optional<String> filterId;
    private volatile String expectedQuery;

    UnitWorklist(ProcessEngine engine, @Value("${jixiao.worklist-shortcut:true}") boolean enabled) {
        this.engine = engine;
        this.enabled = enabled;
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** The engine's name, as the webapps' REST paths spell it. */
    String engineName() {
        return engine.getName();
    }

    /** Whether the id is 本单位待办's and the shortcut is on. */
    boolean isUnitTasks(String id) {
        return enabled && unitTasksFilterId().map(id::equals).orElse(false);
    }

    /** Switches the shortcut (jixiao.worklist-shortcut; the tests compare both answers). */
    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** How many lists were answered here rather than by Camunda (for the tests and the benchmark's log). */
    long served() {
        return served.get();
    }

    /** The list as Camunda's REST API would answer it, or empty where Camunda must answer. */
    Optional<HalResource<?>> list(WorklistRequest request) {
        Optional<String> id = unitTasksFilterId();
        Authentication caller = engine.getIdentityService().getCurrentAuthentication();
        if (id.isEmpty()
                || caller == null
                || caller.getUserId() == null
                || caller.getGroupIds() == null
                || caller.getGroupIds().isEmpty()
                || (caller.getTenantIds() != null && !caller.getTenantIds().isEmpty())
                || !configuration.isAuthorizationEnabled()
                || !configuration.isTenantCheckEnabled()
                || !UnitWorklistStatements.DATABASES.contains(configuration.getDatabaseType())) {
            return Optional.empty();
        }
        Page page = configuration.getCommandExecutorTxRequired().execute(new ReadPage(id.get(), caller, request));
        if (page == null) {
            return Optional.empty();
        }
        served.incrementAndGet();
        if (page.tasks().isEmpty()) {
            return Optional.of(new EmptyHalCollection(page.count()));
        }
        HalTaskList list = HalTaskList.generate(page.tasks(), page.count(), engine);
        if (!page.variableNames().isEmpty()) {
            embedVariables(list, page.variableNames());
        }
        return Optional.of(list);
    }

    /**
     * The filter's columns on each task's card, as Camunda shows them: by name, from the task, its execution or its
     * process instance, the nearest scope first.
     */
    @SuppressWarnings("unchecked")
    private void embedVariables(HalTaskList list, List<String> names) {
        List<HalTask> tasks = (List<HalTask>) list.getEmbedded("task");
        Set<String> scopes = new LinkedHashSet<>();
        for (HalTask task : tasks) {
            scopes.addAll(scopesOf(task));
        }
        List<VariableInstance> variables = engine.getRuntimeService()
                .createVariableInstanceQuery()
                .disableBinaryFetching()
                .disableCustomObjectDeserialization()
                .variableNameIn(names.toArray(new String[0]))
                .variableScopeIdIn(scopes.toArray(new String[0]))
                .unlimitedList();
        Map<String, List<VariableInstance>> byScope = new HashMap<>();
        for (VariableInstance variable : variables) {
            byScope.computeIfAbsent(((VariableInstanceEntity) variable).getVariableScopeId(), s -> new ArrayList<>())
                    .add(variable);
        }
        for (HalTask task : tasks) {
            List<HalResource<?>> values = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String scope : scopesOf(task)) {
                for (VariableInstance variable : byScope.getOrDefault(scope, List.of())) {
                    if (seen.add(variable.getName())) {
                        values.add(HalVariableValue.generateVariableValue(variable, scope));
                    }
                }
            }
            task.addEmbedded("variable", values);
        }
    }

    private static List<String> scopesOf(HalTask task) {
        List<String> scopes = new ArrayList<>();
        for (String scope : new String[] {
            task.getId(),
            task.getExecutionId(),
            task.getProcessInstanceId(),
            task.getCaseExecutionId(),
            task.getCaseInstanceId()
        }) {
            if (scope != null && !scopes.contains(scope)) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    private Optional<String> unitTasksFilterId() {
        Optional<String> known = filterId;
        if (known != null && known.isPresent()) {
            return known;
        }
        Optional<String> found = configuration
                .getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() -> Optional.ofNullable(engine.getFilterService()
                                .createFilterQuery()
                                .filterName(TasklistFilters.UNIT_TASKS)
                                .singleResult())
                        .map(Filter::getId)));
        if (found.isPresent()) {
            FilterEntity canonical = new FilterEntity(EntityTypes.TASK);
            canonical.setQuery(TasklistFilters.unitTasksQuery(engine.getTaskService()));
            expectedQuery = canonical.getQueryInternal();
            filterId = found;
        }
        return found;
    }

    /** One page of the caller's candidate tasks and their count, or null where Camunda must answer. */
    private final class ReadPage implements Command<Page> {

        private final String filterId;
        private final Authentication caller;
        private final WorklistRequest request;

        ReadPage(String filterId, Authentication caller, WorklistRequest request) {
            this.filterId = filterId;
            this.caller = caller;
            this.request = request;
        }

        @Override
        public Page execute(CommandContext context) {
            var authorization = context.getAuthorizationManager();
            if (authorization.isCamundaAdmin(caller)
                    || !authorization.isAuthorized(Permissions.READ, Resources.FILTER, filterId)) {
                return null; // an administrator's list, or no right to the filter: Camunda answers
            }
            FilterEntity filter = context.getDbEntityManager().selectById(FilterEntity.class, filterId);
            if (filter == null || !expectedQuery.equals(filter.getQueryInternal())) {
                return null; // the filter was changed (Tasklist's filter editor): Camunda runs what it now holds
            }
            String database = configuration.getDatabaseType();
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("groups", List.copyOf(caller.getGroupIds()));
            parameters.put("worklistOrder", request.orderBy());
            parameters.put("firstResult", request.firstResult());
            parameters.put("maxResults", request.maxResults());
            List<Task> tasks = new ArrayList<>();
            for (Object row : context.getDbEntityManager()
                    .selectListWithRawParameter(
                            UnitWorklistStatements.forDatabase(UnitWorklistStatements.PAGE, database),
                            parameters,
                            0,
                            Integer.MAX_VALUE)) {
                TaskEntity task = (TaskEntity) row;
                task.initializeFormKey();
                tasks.add(task);
            }
            long count = (Long) context.getDbEntityManager()
                    .selectOne(UnitWorklistStatements.forDatabase(UnitWorklistStatements.COUNT, database), parameters);
            return new Page(tasks, count, variableNames(filter));
        }
    }

    private static List<String> variableNames(FilterEntity filter) {
        List<String> names = new ArrayList<>();
        Map<String, Object> properties = filter.getProperties();
        if (properties != null && properties.get("variables") instanceof List<?> variables) {
            for (Object variable : variables) {
                if (variable instanceof Map<?, ?> definition && definition.get("name") instanceof String name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private record Page(List<Task> tasks, long count, List<String> variableNames) {}
}
