package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the evaluator finds the 评分模板 a report names. An interface, so that the pure rules need not know where
 * templates come from: the built-ins ship in the jar ({@link #builtIn}); the application adds the ones an
 * administrator deploys to the engine (grading/DeployedTemplates), read at each evaluation, so a new one applies
 * without a restart.
 */
public interface TemplateCatalog {

    /** The built-in template ids, each a file bpmn/templates/&lt;id&gt;.json on the classpath. */
    List<String> BUILT_IN = List.of("national", "sichuan");

    /** The template with this id, if there is one. */
    Optional<ScoringTemplate> find(String id);

    /**
     * The built-in templates, national with the configured standard shares (jixiao.scoring.*, which default to the
     * file's).
     */
    static TemplateCatalog builtIn(ScoringSettings national) {
        Map<String, ScoringTemplate> templates = new LinkedHashMap<>();
        for (String id : BUILT_IN) {
            templates.put(id, readBuiltIn(id));
        }
        templates.put(ScoringTemplate.DEFAULT_ID, ScoringTemplate.national(national));
        Map<String, ScoringTemplate> fixed = Map.copyOf(templates);
        return id -> Optional.ofNullable(fixed.get(id));
    }

    /** Reads bpmn/templates/&lt;id&gt;.json from the classpath. */
    static ScoringTemplate readBuiltIn(String id) {
        String resource = "bpmn/templates/" + id + ".json";
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        try (InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("scoring template not found on the classpath: " + resource);
            }
            return ScoringTemplate.fromJson(mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
