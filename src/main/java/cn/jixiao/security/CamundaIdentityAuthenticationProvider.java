package cn.jixiao.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks /api credentials against Camunda's identity service, so the API, the REST API and the webapps share one
 * set of users, passwords and login throttling.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final UserDirectory users;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, UserDirectory users) {
        this.identityService = identityService;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null
                || userId.isBlank()
                || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        CurrentUser user = users.load(userId);
        List<SimpleGrantedAuthority> authorities = user.groupIds().stream()
                .map(g -> new SimpleGrantedAuthority("GROUP_" + g))
                .toList();
        // The user with the groups just read is the principal: /api is stateless, so this lives for this request only.
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
