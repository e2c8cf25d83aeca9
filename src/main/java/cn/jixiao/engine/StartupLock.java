package cn.jixiao.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Several nodes on one PostgreSQL database may start at the same moment (a province's cluster after an update). The
 * engine's schema creation and the start-up runners (the administrator, the finance bureau's group, the Tasklist's
 * filters, the demo's units, users and report) each read, then write: run side by side they would create things
 * twice or fail on a duplicate. So a node holds a PostgreSQL advisory lock from the moment its engine begins to build
 * until the application is ready, and a second node starting at once waits for the first's start-up to end, then
 * finds everything there. A node that dies while starting loses its connection, and with it the lock. On H2 (one
 * process per database file) there is nothing to lock.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
    /** Any number of the application's own: "jixiao" in ASCII. */
    static final long KEY = 0x6a6978696169L;

    private final DataSource dataSource;
    private Connection held;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    synchronized void acquire() {
        if (held != null) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            long waiting = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            long waitedMs = (System.nanoTime() - waiting) / 1_000_000;
            if (waitedMs > 100) {
                LOG.info("waited {} ms for another node's start-up to end", waitedMs);
            }
            held = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("start-up lock not taken", e);
        }
    }

    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class, ContextClosedEvent.class})
    synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held;
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            LOG.warn("start-up lock not released cleanly (closing its connection releases it): {}", e.getMessage());
        } finally {
            held = null;
        }
    }
}
