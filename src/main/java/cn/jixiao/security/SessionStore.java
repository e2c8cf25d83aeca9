package cn.jixiao.security;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions are kept in the database (Spring Session JDBC, README 集群) so that any node serves any request. The
 * Tasklist sends several requests at once; when two of them add the same attribute to a session (its CSRF token just
 * after signing in), Spring Session's plain INSERT lets the second fail on the primary key. On PostgreSQL and H2 the
 * attribute is written with an upsert instead, so the later write wins as it would in a node's memory.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    /** H2's upsert; the parameters in the order of Spring Session's own INSERT. */
    static final String H2_CREATE_ATTRIBUTE = "MERGE INTO %TABLE_NAME%_ATTRIBUTES"
            + " (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpsert(DataSource dataSource)
            throws SQLException {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        if ("PostgreSQL".equals(product)) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        if ("H2".equals(product)) {
            return repository -> repository.setCreateSessionAttributeQuery(H2_CREATE_ATTRIBUTE);
        }
        return repository -> {};
    }
}
