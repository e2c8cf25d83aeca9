package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two requests of one session (the Tasklist sends several at once, perhaps to two nodes) that both add the same
 * attribute: with Spring Session's plain INSERT the second fails; with the application's upsert the later one wins.
 * On H2, with the sessions' tables from the migrations.
 */
class SessionStoreTest {

    @Test
    void twoRequestsAddingTheSameAttributeBothSucceed() throws Exception {
        DriverManagerDataSource data = new DriverManagerDataSource(
                "jdbc:h2:mem:sessions-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY", "sa", "");
        Flyway.configure()
                .dataSource(data)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(data);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(data));

        JdbcIndexedSessionRepository plain = new JdbcIndexedSessionRepository(jdbc, tx);
        assertThatThrownBy(() -> addTwice(plain, "XSRF")).isInstanceOf(DuplicateKeyException.class);

        JdbcIndexedSessionRepository upsert = new JdbcIndexedSessionRepository(jdbc, tx);
        new SessionStore().attributeUpsert(data).customize(upsert);
        String id = addTwice(upsert, "XSRF");
        assertThat(attribute(upsert, id, "XSRF")).isEqualTo("second");
    }

    /** A session saved, then read by two requests that each add the attribute and save; the session's id. */
    private static <S extends Session> String addTwice(SessionRepository<S> repository, String attribute) {
        S session = repository.createSession();
        repository.save(session);
        S first = repository.findById(session.getId());
        S second = repository.findById(session.getId());
        first.setAttribute(attribute, "first");
        second.setAttribute(attribute, "second");
        repository.save(first);
        repository.save(second);
        return session.getId();
    }

    private static <S extends Session> Object attribute(SessionRepository<S> repository, String id, String name) {
        return repository.findById(id).getAttribute(name);
    }
}
