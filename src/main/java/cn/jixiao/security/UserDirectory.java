package cn.jixiao.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Reads users and their groups from Camunda's identity service. Membership is read fresh on every call (so removing
 * a user from a group takes effect at once) and without the caller's own authorizations, which need not include
 * reading groups.
 */
@Component
public class UserDirectory {

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl configuration;

    public UserDirectory(ProcessEngine processEngine) {
        this.identityService = processEngine.getIdentityService();
        this.configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    public CurrentUser load(String userId) {
        List<String> groups = privileged(() ->
                        identityService.createGroupQuery().groupMember(userId).list())
                .stream()
                .map(Group::getId)
                .toList();
        return new CurrentUser(userId, groups);
    }

    /**
     * The caller of an /api or /board request: the user the sign-in of this request read (its groups read then, as
     * fresh as {@link #load}), or, for a caller signed in otherwise (the Tasklist's session), read now.
     */
    public CurrentUser current(org.springframework.security.core.Authentication authentication) {
        return authentication.getPrincipal() instanceof CurrentUser user ? user : load(authentication.getName());
    }

    /** "张三（clerk）" when the user has a name, else the id; "系统" when no one is signed in. */
    public String displayName(String userId) {
        if (userId == null) {
            return "系统";
        }
        User user = privileged(
                () -> identityService.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).trim();
        return name.isEmpty() ? userId : name + "（" + userId + "）";
    }

    /**
     * Runs the action with the engine acting for this user, so the engine's authorizations decide what it may see and
     * do; the one place the application signs a user in to the engine.
     */
    public <T> T as(CurrentUser user, java.util.function.Supplier<T> action) {
        identityService.setAuthentication(user.id(), user.groupIds());
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The user the engine currently acts for (REST, Tasklist or /api call), if any. */
    public Optional<CurrentUser> authenticated() {
        var auth = identityService.getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? Optional.empty() : Optional.of(load(auth.getUserId()));
    }

    private <T> T privileged(java.util.function.Supplier<T> query) {
        Command<T> command = context -> context.runWithoutAuthorization(query::get);
        return configuration.getCommandExecutorTxRequired().execute(command);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
