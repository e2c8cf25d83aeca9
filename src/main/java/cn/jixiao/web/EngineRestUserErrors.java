package cn.jixiao.web;

import cn.jixiao.workflow.InputRefused;
import cn.jixiao.workflow.UserErrorUnwrapping;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * filter answers the user's mistake as it is: 400 (403 for a refusal of rights) with the Chinese message alone.
 */
@Configuration
public class EngineRestUserErrors {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRestUserErrorFilter(ObjectMapper mapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(mapper));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("jixiao-engine-rest-user-errors");
    registration.setOrder(120);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final ObjectMapper mapper;

    Filter(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      UserErrorUnwrapping.takeLast();
      ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, wrapped);
        ProcessEngineException refusal = UserErrorUnwrapping.takeLast();
        if (refusal != null && wrapped.getStatus() >= 400) {
          wrapped.resetBuffer();
          wrapped.setStatus(refusal instanceof InputRefused ? 400 : 403);
          wrapped.setContentType(MediaType.APPLICATION_JSON_VALUE);
          wrapped.setCharacterEncoding(StandardCharsets.UTF_8.name());
          String type = refusal instanceof InputRefused ? "InputRefused" : "AuthorizationException";
          wrapped.getOutputStream().write(mapper.writeValueAsBytes(Map.of("type", type, "message", refusal.getMessage())));
        }
      } finally {
        UserErrorUnwrapping.takeLast();
        wrapped.copyBodyToResponse();
      }
    }
  }
}
