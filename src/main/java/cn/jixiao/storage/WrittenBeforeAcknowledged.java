package cn.jixiao.storage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * On the embedded H2 database, an answer that acknowledges a change (a 2xx to POST, PUT, PATCH or DELETE on any
 * door) is held until H2 has written the committed changes to its file ({@code CHECKPOINT}, shared by concurrent
 * requests through {@link CommitBarrier}). H2 otherwise acknowledges a commit up to half a second before writing
 * it, and a crash of the process in that half second lost work the user had been told was saved. Commits that no
 * one is waiting for (the engine's jobs) keep H2's background writing, so the engine is as fast as before. On
 * PostgreSQL, whose commit is durable, and on an in-memory database, this does nothing.
 */
@Configuration
class WrittenBeforeAcknowledged {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> holdAcknowledgementsUntilWritten(
            DataSource dataSource, JdbcTemplate jdbc) {
        boolean h2File = isH2File(dataSource);
        CommitBarrier barrier = new CommitBarrier(() -> jdbc.execute("CHECKPOINT"));
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Hold(barrier));
        registration.addUrlPatterns("/*");
        registration.setName("jixiao-written-before-acknowledged");
        registration.setOrder(-400); // outermost: nothing reaches the client before the write
        registration.setEnabled(h2File);
        return registration;
    }

    private static boolean isH2File(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database URL", e);
        }
    }

    static final class Hold extends OncePerRequestFilter {

        private final CommitBarrier barrier;

        Hold(CommitBarrier barrier) {
            this.barrier = barrier;
        }

        /** Queries sent by POST (the Tasklist's lists and counts, history, a dry-run evaluation): nothing to write. */
        private static final java.util.regex.Pattern READ_BY_POST = java.util.regex.Pattern.compile(
                ".*/(?:filter/[^/]+/(?:list|count|singleResult)|task(?:/count)?|history/[a-z-]+(?:/count)?"
                        + "|(?:process-instance|variable-instance|execution)(?:/count)?|identity/password-policy)"
                        + "|/api/evaluations");

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String method = request.getMethod();
            return "GET".equals(method)
                    || "HEAD".equals(method)
                    || "OPTIONS".equals(method)
                    || ("POST".equals(method)
                            && READ_BY_POST.matcher(request.getRequestURI()).matches());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, held);
                if (held.getStatus() >= 200 && held.getStatus() < 300) {
                    try {
                        barrier.awaitWritten();
                    } catch (RuntimeException notWritten) {
                        // Never acknowledge what is not on disk: the change may still be written later, but nobody was
                        // told so.
                        held.resetBuffer();
                        held.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                        held.setContentType("application/json;charset=UTF-8");
                        held.getOutputStream()
                                .write("{\"message\":\"保存结果暂时无法确认，请稍后刷新查看是否已保存\"}"
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            } finally {
                held.copyBodyToResponse();
            }
        }
    }
}
