package cn.jixiao.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user signed in to the Tasklist follow a link into /api (the document preview on a review form) without
 * signing in again. Only for reading (GET/HEAD), so the webapp session cannot be used to change anything through
 * /api from another site; everything else still needs HTTP Basic.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private final String engineName;

    WebappSessionAuthenticationFilter(String engineName) {
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        HttpSession session = request.getSession(false);
        if (reading
                && session != null
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            Authentication user =
                    authentications == null ? null : authentications.getAuthenticationForProcessEngine(engineName);
            if (user != null && user != Authentication.ANONYMOUS && user.getIdentityId() != null) {
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                user.getIdentityId(), null, List.of()));
            }
        }
        chain.doFilter(request, response);
    }
}
