package cn.jixiao.web;

import cn.jixiao.engine.Conflict;
import cn.jixiao.engine.InputRefused;
import cn.jixiao.engine.UserErrorUnwrapping;
import cn.jixiao.workflow.ReportTasks;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST API (under /engine-rest, and the Tasklist's own under /camunda/api/engine) wraps a listener's
 * refusal into "Cannot complete task …: …", and answers a refused start with 500. For changes (POST/PUT) this
 * filter answers the user's mistake as it is: 400 (403 for a refusal of rights, 409 for a task someone else completed
 * a moment earlier) with the Chinese message alone. Every other error answer of any method goes through
 * {@link EngineErrorAnswers}: a request's mistake is a 4xx, and no answer shows the engine's insides.
 */
@Configuration
class EngineRestUserErrors {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineRestUserErrorFilter(ObjectMapper mapper, ReportTasks tasks) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Filter(mapper, tasks));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("jixiao-engine-rest-user-errors");
        registration.setOrder(120);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private static final Pattern COMPLETE = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)$");

        private final ObjectMapper mapper;
        private final ReportTasks tasks;

        Filter(ObjectMapper mapper, ReportTasks tasks) {
            this.mapper = mapper;
            this.tasks = tasks;
        }

        private boolean takenMeanwhile(HttpServletRequest request) {
            Matcher m = COMPLETE.matcher(request.getRequestURI());
            return m.matches() && tasks.finished(m.group(1));
        }

        private void answer(ContentCachingResponseWrapper response, int status, String type, String message)
                throws IOException {
            answer(response, status, type, message, null);
        }

        /** The answer, with the id of the existing report or campaign when a conflict names one. */
        private void answer(ContentCachingResponseWrapper response, int status, String type, String message, String id)
                throws IOException {
            response.resetBuffer();
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Map<String, String> body = new java.util.LinkedHashMap<>();
            body.put("type", type);
            body.put("message", message);
            if (id != null) {
                body.put("id", id);
            }
            response.getOutputStream().write(mapper.writeValueAsBytes(body));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            UserErrorUnwrapping.takeLast();
            ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, wrapped);
                ProcessEngineException refusal = UserErrorUnwrapping.takeLast();
                if (wrapped.getStatus() < 400) {
                    return;
                }
                boolean change = "POST".equals(request.getMethod()) || "PUT".equals(request.getMethod());
                if (!change) {
                    refusal = null;
                }
                if (refusal instanceof InputRefused) {
                    answer(wrapped, 400, "InputRefused", refusal.getMessage());
                } else if (refusal instanceof Conflict conflict) {
                    answer(wrapped, 409, "Conflict", conflict.getMessage(), conflict.existingId());
                } else if (takenMeanwhile(request)) {
                    // Lost a race: however the engine put it (conflict, not found, no longer authorized — the winner's
                    // completion removed the task's grants), say so plainly.
                    answer(wrapped, 409, "TaskTakenMeanwhile", "该任务刚刚已由他人办理完成，您的操作未生效，请刷新任务列表");
                } else if (refusal != null) {
                    answer(wrapped, 403, "AuthorizationException", refusal.getMessage());
                } else {
                    // Anything else Camunda said: a request's mistake is never a 500, and no answer shows the engine's
                    // insides.
                    String body = new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8);
                    var instead = EngineErrorAnswers.rewrite(wrapped.getStatus(), body, mapper);
                    if (instead.isPresent()) {
                        answer(
                                wrapped,
                                instead.get().status(),
                                instead.get().type(),
                                instead.get().message());
                    }
                }
            } finally {
                UserErrorUnwrapping.takeLast();
                wrapped.copyBodyToResponse();
            }
        }
    }
}
