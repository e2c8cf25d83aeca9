package cn.jixiao.pg;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Runs the very same application tests on PostgreSQL: in the PostgreSQL executions (pom.xml) every Spring test
 * context gets a fresh PostgreSQL database in place of the in-memory H2 its test names, ahead of the test's own
 * properties. Elsewhere it does nothing. Registered in META-INF/spring.factories of the tests.
 */
public class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return PostgresServer.suiteActive() ? new OnPostgres() : null;
    }

    /** Equal to every other, so contexts shared on H2 stay shared on PostgreSQL. */
    static final class OnPostgres implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            String url =
                    PostgresServer.createDatabase(configuration.getTestClass().getSimpleName());
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "jixiao-postgres-suite",
                            Map.of(
                                    "spring.datasource.url", url,
                                    "spring.datasource.username", PostgresServer.user(),
                                    "spring.datasource.password", PostgresServer.password())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OnPostgres;
        }

        @Override
        public int hashCode() {
            return OnPostgres.class.hashCode();
        }
    }
}
