package cn.jixiao.grading;

import cn.jixiao.scoring.ScoringTemplate;
import cn.jixiao.scoring.TemplateCatalog;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 评分模板 an administrator deploys "like the models, not code": any resource named {@code *.template.json} in a
 * Camunda deployment (Modeler, Cockpit, or {@code POST /engine-rest/deployment/create}) is a template, and the most
 * recently deployed file of an id wins — also over a built-in of the same id. Looked up at each evaluation (two cheap
 * queries; the deployments are read again only when one was added or removed), so a new template applies without a
 * restart, like the grade bands of {@link DeployedGradeTable}. A file that is no valid template is logged and left
 * out; a report naming it then gets PROFILE_UNKNOWN.
 */
class DeployedTemplates implements TemplateCatalog {

    /** How a deployed resource's name ends when it is a scoring template. */
    static final String SUFFIX = ".template.json";

    private static final Logger LOG = LoggerFactory.getLogger(DeployedTemplates.class);

    private final RepositoryService repositoryService;
    private final TemplateCatalog builtIn;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    DeployedTemplates(RepositoryService repositoryService, TemplateCatalog builtIn) {
        this.repositoryService = repositoryService;
        this.builtIn = builtIn;
    }

    @Override
    public Optional<ScoringTemplate> find(String id) {
        ScoringTemplate deployed = snapshot().templates().get(id);
        return deployed != null ? Optional.of(deployed) : builtIn.find(id);
    }

    /** The deployed templates as of the newest deployment; read again only when the deployments changed. */
    private Snapshot snapshot() {
        return privileged(this::readSnapshot);
    }

    /**
     * Evaluations run inside the engine's commands as the user who completed a task (a clerk holds no right to read
     * deployments); the templates are the administrator's, the same for everyone, so they are read without the
     * caller's authorizations.
     */
    private static <T> T privileged(java.util.function.Supplier<T> query) {
        org.camunda.bpm.engine.impl.interceptor.CommandContext context =
                org.camunda.bpm.engine.impl.context.Context.getCommandContext();
        return context == null ? query.get() : context.runWithoutAuthorization(query::get);
    }

    private Snapshot readSnapshot() {
        long count = repositoryService.createDeploymentQuery().count();
        List<Deployment> newest = repositoryService
                .createDeploymentQuery()
                .orderByDeploymentTime()
                .desc()
                .listPage(0, 1);
        String key = count + ":" + (newest.isEmpty() ? "" : newest.get(0).getId());
        Snapshot snapshot = current.get();
        if (snapshot != null && snapshot.key().equals(key)) {
            return snapshot;
        }
        Map<String, ScoringTemplate> templates = new HashMap<>();
        // Oldest first, so that a later deployment of the same id replaces an earlier one.
        for (Deployment deployment : repositoryService
                .createDeploymentQuery()
                .orderByDeploymentTime()
                .asc()
                .list()) {
            for (Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
                if (resource.getName() != null && resource.getName().endsWith(SUFFIX)) {
                    read(deployment, resource.getName()).ifPresent(t -> templates.put(t.id(), t));
                }
            }
        }
        snapshot = new Snapshot(key, Map.copyOf(templates));
        current.set(snapshot);
        return snapshot;
    }

    private Optional<ScoringTemplate> read(Deployment deployment, String name) {
        try (InputStream in = repositoryService.getResourceAsStream(deployment.getId(), name)) {
            return Optional.of(ScoringTemplate.fromJson(mapper.readTree(in)));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Scoring template {} of deployment {} is left out: {}", name, deployment.getId(), e.getMessage());
            return Optional.empty();
        }
    }

    private record Snapshot(String key, Map<String, ScoringTemplate> templates) {}
}
