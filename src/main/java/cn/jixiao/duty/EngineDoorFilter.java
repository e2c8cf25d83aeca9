package cn.jixiao.duty;

import cn.jixiao.http.ReplayedBody;
import cn.jixiao.security.UserDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The guard in front of Camunda's REST API, on both doors a user can reach it by: {@code /engine-rest} (HTTP Basic,
 * after Camunda's authentication filter) and the webapps' {@code /camunda/api/engine} (the Tasklist's session), plus
 * the Cockpit plugins' API. It applies {@link EngineDoorRules} before Camunda reads the request, so a refused call
 * changes nothing and says why in Chinese.
 */
@Configuration
class EngineDoorFilter {

    /** After Camunda's REST authentication (110), before the user-error filter (120). */
    static final int ORDER = 115;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineDoorGuard(
            ProcessEngine engine, UserDirectory users, ObjectMapper mapper) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Guard(engine, users, mapper));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*", "/camunda/api/cockpit/*");
        registration.setName("jixiao-engine-door-guard");
        registration.setOrder(ORDER);
        return registration;
    }

    static final class Guard extends OncePerRequestFilter {

        private static final Pattern BODY_CHECKED = Pattern.compile(
                "process-definition/.+/(?:start|submit-form)|task/[^/]+/(?:complete|submit-form|claim)");
        private static final int MAX_CHECKED_BODY = 20 * 1024 * 1024;

        private final ProcessEngine engine;
        private final UserDirectory users;
        private final ObjectMapper mapper;

        Guard(ProcessEngine engine, UserDirectory users, ObjectMapper mapper) {
            this.engine = engine;
            this.users = users;
            this.mapper = mapper;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path;
            try {
                path = new URI(request.getRequestURI())
                        .getPath()
                        .substring(request.getContextPath().length());
            } catch (URISyntaxException | RuntimeException e) {
                refuse(response, new EngineDoorRules.Refusal(400, "InvalidRequestException", "请求地址无效"));
                return;
            }
            Optional<String> userId = caller(request, path);
            if (userId.isEmpty()) {
                chain.doFilter(request, response); // not signed in: Camunda answers 401 itself
                return;
            }
            Optional<String> enginePath = EnginePaths.relative(path);
            if (enginePath.isEmpty()) {
                // The Cockpit plugins' API: counts and statistics over every unit, for administrators only.
                if (!isAdmin(userId.get(), path)) {
                    refuse(
                            response,
                            new EngineDoorRules.Refusal(403, "AuthorizationException", EngineDoorRules.ADMIN_ONLY));
                    return;
                }
                chain.doFilter(request, response);
                return;
            }
            java.util.regex.Matcher unclaim = UNCLAIM.matcher(enginePath.get());
            if ("POST".equals(request.getMethod()) && unclaim.matches() && !isAdmin(userId.get(), path)) {
                unclaimOwn(unclaim.group(1), userId.get(), request, response, chain);
                return;
            }
            HttpServletRequest forwarded = request;
            JsonNode body = null;
            boolean unreadable = false;
            if (!"GET".equals(request.getMethod())
                    && BODY_CHECKED.matcher(enginePath.get()).matches()) {
                byte[] bytes = request.getInputStream().readNBytes(MAX_CHECKED_BODY);
                forwarded = new ReplayedBody(request, bytes);
                if (bytes.length > 0) {
                    try {
                        body = mapper.readTree(bytes);
                    } catch (IOException e) {
                        unreadable = true;
                    }
                }
            }
            EngineDoorRules.Call call =
                    new EngineDoorRules.Call(request.getMethod(), enginePath.get(), body, unreadable);
            Optional<EngineDoorRules.Refusal> refusal = EngineDoorRules.judge(
                    call,
                    new EngineDoorRules.Caller(userId.get(), () -> isAdmin(userId.get(), path)),
                    this::taskKey,
                    this::isLatestDefinition);
            if (refusal.isPresent()) {
                refuse(response, refusal.get());
                return;
            }
            chain.doFilter(forwarded, response);
        }

        private Optional<String> caller(HttpServletRequest request, String path) {
            if (path.startsWith("/engine-rest")) {
                Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
                return Optional.ofNullable(authentication).map(Authentication::getUserId);
            }
            HttpSession session = request.getSession(false);
            Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            if (authentications == null) {
                return Optional.empty();
            }
            org.camunda.bpm.webapp.impl.security.auth.Authentication user =
                    authentications.getAuthenticationForProcessEngine(engine.getName());
            return user instanceof UserAuthentication && user.getIdentityId() != null
                    ? Optional.of(user.getIdentityId())
                    : Optional.empty();
        }

        /**
         * Whether the caller administers. On {@code /engine-rest} Camunda's filter has just read the caller's groups for
         * this request (the engine's current authentication), so they are not read again; the Tasklist's session holds
         * groups from its sign-in, so for that door they are read now.
         */
        private boolean isAdmin(String userId, String path) {
            Authentication engineCaller = engine.getIdentityService().getCurrentAuthentication();
            if (path.startsWith("/engine-rest")
                    && engineCaller != null
                    && userId.equals(engineCaller.getUserId())
                    && engineCaller.getGroupIds() != null) {
                return engineCaller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
            }
            return users.load(userId).isAdmin();
        }

        /**
         * The definition key of an open task, whoever may see it (the caller's rights are Camunda's to check). Read by
         * primary key (Camunda's plain selectTask), not through a task query, whose dynamic SQL cost more than the
         * read itself at every completion.
         */
        private Optional<String> taskKey(String taskId) {
            Command<String> lookup = context -> {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                return task == null ? null : task.getTaskDefinitionKey();
            };
            return Optional.ofNullable(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getCommandExecutorTxRequired()
                    .execute(lookup));
        }

        private static final Pattern UNCLAIM = Pattern.compile("task/([^/]+)/unclaim");

        /**
         * Giving back one's own task (the × beside one's name): Camunda counts unclaiming as assigning (TASK_ASSIGN),
         * which candidates do not hold, so the guard does it for the holder — and only for the holder.
         */
        private void unclaimOwn(
                String taskId,
                String userId,
                HttpServletRequest request,
                HttpServletResponse response,
                FilterChain chain)
                throws IOException, ServletException {
            TaskService tasks = engine.getTaskService();
            var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getCommandExecutorTxRequired();
            Task task = executor.execute(context -> context.runWithoutAuthorization(
                    () -> tasks.createTaskQuery().taskId(taskId).singleResult()));
            if (task == null) {
                chain.doFilter(request, response); // Camunda answers for a task that is not there
                return;
            }
            if (!userId.equals(task.getAssignee())) {
                refuse(response, new EngineDoorRules.Refusal(403, "AuthorizationException", "只能退回本人认领的任务"));
                return;
            }
            executor.execute(context -> context.runWithoutAuthorization(() -> {
                tasks.setAssignee(taskId, null);
                return null;
            }));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }

        /** Whether the process definition id is the latest version of its key (unknown ids: Camunda answers). */
        private boolean isLatestDefinition(String definitionId) {
            var repository = engine.getRepositoryService();
            Command<Boolean> lookup = context -> context.runWithoutAuthorization(() -> {
                var definition = repository
                        .createProcessDefinitionQuery()
                        .processDefinitionId(definitionId)
                        .singleResult();
                if (definition == null) {
                    return true;
                }
                var latest = repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(definition.getKey())
                        .latestVersion()
                        .withoutTenantId()
                        .singleResult();
                return latest == null || latest.getId().equals(definition.getId());
            });
            return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getCommandExecutorTxRequired()
                    .execute(lookup);
        }

        private void refuse(HttpServletResponse response, EngineDoorRules.Refusal refusal) throws IOException {
            response.setStatus(refusal.status());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream()
                    .write(mapper.writeValueAsBytes(Map.of("type", refusal.type(), "message", refusal.message())));
        }
    }
}
