package cn.jixiao.engine;

import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheBootstrap;
import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheConfiguration;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every task list the Tasklist asks for (HAL) embeds the tasks' process definitions, and Camunda queries them again
 * for every list. A deployed definition never changes, so they are kept in Camunda's own HAL cache, which Camunda's
 * distribution configures in its web.xml and the Spring Boot starter leaves off. Users and groups are not cached:
 * which of them a caller may read depends on the caller.
 */
@Configuration(proxyBeanMethods = false)
class HalProcessDefinitionCache {

    /** Camunda's cache configuration (the JSON its web.xml parameter takes): up to 500 definitions, for an hour. */
    static final String CONFIGURATION = "{\"cacheImplementation\":"
            + "\"org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache\",\"caches\":{\""
            + HalProcessDefinition.class.getName()
            + "\":{\"capacity\":500,\"secondsToLive\":3600}}}";

    @Bean
    ServletContextInitializer halProcessDefinitionCacheSetup() {
        // Camunda keeps the caches in one static registry (Hal.getInstance()); each start registers fresh ones.
        // Camunda's listener that empties them when a web application stops is not added: it would empty them for
        // every application in the JVM (the tests run several), and a stopped JVM needs no emptying.
        return context ->
                new HalRelationCacheBootstrap().configureCaches(new HalRelationCacheConfiguration(CONFIGURATION));
    }
}
