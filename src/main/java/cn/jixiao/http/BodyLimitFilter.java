package cn.jixiao.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body over the limit (a report is tens of kilobytes; {@code jixiao.http.max-body}, 5 MB by default, and
 * more for an administrator's deployment) gets 413 with a Chinese message before anything parses it. A declared
 * length over the limit is refused at once; a body of unknown length is read up to the limit and no further. What
 * is refused is read only to be discarded, never kept, so several at once leave the server's memory as it was.
 */
@Configuration
class BodyLimitFilter {

    /** How much of a refused body is read and discarded so the client sees the answer; past it the connection closes. */
    private static final long DRAIN_AT_MOST = 64L * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bodyLimit(
            @Value("${jixiao.http.max-body:5MB}") DataSize maxBody,
            @Value("${jixiao.http.max-deployment-body:50MB}") DataSize maxDeployment) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Limit(maxBody.toBytes(), maxDeployment.toBytes()));
        registration.addUrlPatterns("/*");
        registration.setName("jixiao-body-limit");
        registration.setOrder(-300); // before any authentication or parsing
        return registration;
    }

    static final class Limit extends OncePerRequestFilter {

        private final long maxBody;
        private final long maxDeployment;

        Limit(long maxBody, long maxDeployment) {
            this.maxBody = maxBody;
            this.maxDeployment = maxDeployment;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return "GET".equals(request.getMethod())
                    || "HEAD".equals(request.getMethod())
                    || "OPTIONS".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long limit = request.getRequestURI().endsWith("/deployment/create") ? maxDeployment : maxBody;
            long declared = request.getContentLengthLong();
            if (declared > limit) {
                refuse(request, response, limit);
                return;
            }
            if (declared >= 0) {
                chain.doFilter(request, response);
                return;
            }
            // A body of unknown length is held in memory while it is read, before anyone is authenticated: at most the
            // JSON limit, whatever the address (a deployment of more must declare its length).
            long held = Math.min(limit, maxBody);
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, held + 1));
            if (body.length > held) {
                refuse(request, response, held);
                return;
            }
            chain.doFilter(new ReplayedBody(request, body), response);
        }

        private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
                throws IOException {
            InputStream in = request.getInputStream();
            long drained = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; drained < DRAIN_AT_MOST && (n = in.read(buffer)) > 0; ) {
                drained += n;
            }
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (drained >= DRAIN_AT_MOST) {
                response.setHeader("Connection", "close");
            }
            response.getWriter()
                    .write("{\"message\":\"提交的内容过大：每次最多"
                            + DataSize.ofBytes(limit).toMegabytes() + " MB\"}");
        }
    }
}
