package cn.jixiao.security;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three doors, three guards: /api/** is Spring Security with HTTP Basic against Camunda's users; /engine-rest/** is
 * Camunda's own HTTP Basic filter (so the engine applies its authorizations per user); the webapps keep their own
 * session login and CSRF protection, which is why Spring's CSRF is off outside /api (and /api is stateless). The board
 * (/board/**) reads that same webapp session, for GET only, with HTTP Basic besides.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http, CamundaIdentityAuthenticationProvider provider, ProcessEngine processEngine)
            throws Exception {
        http.securityMatcher("/api/**")
                .addFilterBefore(
                        new WebappSessionAuthenticationFilter(processEngine.getName()), BasicAuthenticationFilter.class)
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录（HTTP Basic）", true)))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        writeJson(response, HttpServletResponse.SC_FORBIDDEN, "没有权限执行此操作", false)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        headers(http);
        return http.build();
    }

    /** Where the board sends anyone not signed in: the Tasklist's login. */
    static final String BOARD_LOGIN = "/camunda/app/tasklist/default/#/login";

    /**
     * The board (报送进度, cn.jixiao.board): read with the Tasklist's own sign-in (its webapp session, GET only, as /api's
     * document preview), so a user signed in to the Tasklist follows the link without a second password prompt; HTTP
     * Basic works too. Anyone not signed in is sent to the Tasklist's login. Nothing there changes anything.
     */
    @Bean
    @Order(1)
    SecurityFilterChain boardChain(
            HttpSecurity http, CamundaIdentityAuthenticationProvider provider, ProcessEngine processEngine)
            throws Exception {
        http.securityMatcher("/board", "/board/**")
                .addFilterBefore(
                        new WebappSessionAuthenticationFilter(processEngine.getName()), BasicAuthenticationFilter.class)
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic ->
                        basic.authenticationEntryPoint((request, response, e) -> response.sendRedirect(BOARD_LOGIN)))
                .exceptionHandling(
                        ex -> ex.authenticationEntryPoint((request, response, e) -> response.sendRedirect(BOARD_LOGIN)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(ctx -> ctx.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        headers(http);
        return http.build();
    }

    /**
     * Camunda's own authentication for the engine REST API: every call runs as its user, under Camunda's rules. The
     * filter is given this application's engine: Camunda's filter looks it up through a ServiceLoader on every call,
     * which scanned the jar's class path each time (a tenth of the authentication's cost, docs/BENCHMARK.md).
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(ProcessEngine processEngine) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter() {
                    @Override
                    protected ProcessEngine getAddressedEngine(String engineName) {
                        return processEngine.getName().equals(engineName)
                                ? processEngine
                                : super.getAddressedEngine(engineName);
                    }
                });
        registration.setName("camunda-rest-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(110);
        return registration;
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h.frameOptions(f -> f.deny())
                .contentTypeOptions(c -> {})
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
    }

    static void writeJson(HttpServletResponse response, int status, String message, boolean challenge)
            throws java.io.IOException {
        response.setStatus(status);
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"jixiao\", charset=\"UTF-8\"");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"message\":\"" + message + "\"}");
    }
}
