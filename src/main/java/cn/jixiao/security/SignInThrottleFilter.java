package cn.jixiao.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link AddressThrottle} on every door where a password is sent: HTTP Basic on /api and /engine-rest, and
 * the webapps' sign-in. A blocked address gets 429 with a Chinese message and Retry-After; a 401 after a request
 * that carried a password counts as a failure. Runs before every authentication filter.
 */
@Configuration
class SignInThrottleFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> signInThrottle(
            @Value("${jixiao.login.address-max-failures:20}") int maxFailures,
            @Value("${jixiao.login.address-window:PT10M}") Duration window,
            @Value("${jixiao.login.address-block:PT5M}") Duration block) {
        AddressThrottle throttle = new AddressThrottle(maxFailures, window, block);
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Guard(throttle, Clock.systemUTC()));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/admin/auth/*");
        registration.setName("jixiao-sign-in-throttle");
        registration.setOrder(-200); // before Spring Security (-100) and Camunda's authentication filters
        return registration;
    }

    static final class Guard extends OncePerRequestFilter {

        private final AddressThrottle throttle;
        private final Clock clock;

        Guard(AddressThrottle throttle, Clock clock) {
            this.throttle = throttle;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!carriesPassword(request)) {
                chain.doFilter(request, response);
                return;
            }
            String address = request.getRemoteAddr();
            Duration wait = throttle.waitFor(address, clock.instant());
            if (!wait.isZero()) {
                long seconds = Math.max(1, wait.toSeconds());
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("{\"message\":\"登录失败次数过多，请" + seconds + "秒后再试\"}");
                return;
            }
            chain.doFilter(request, response);
            if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                throttle.failed(address, clock.instant());
            }
        }

        private static boolean carriesPassword(HttpServletRequest request) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return true;
            }
            return "POST".equals(request.getMethod()) && request.getRequestURI().contains("/login/");
        }
    }
}
