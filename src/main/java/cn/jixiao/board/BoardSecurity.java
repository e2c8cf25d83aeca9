package cn.jixiao.board;

import cn.jixiao.security.CamundaIdentityAuthenticationProvider;
import cn.jixiao.security.WebappSessionAuthenticationFilter;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The board's door: /board is read with the Tasklist's own sign-in (its webapp session, GET only, as /api's document
 * preview), so a user signed in to the Tasklist follows the link without a second password prompt; HTTP Basic works
 * too (scripts, the benchmark). Anyone not signed in is sent to the Tasklist's login. Reading only: nothing here
 * changes anything, so the webapps' CSRF protection has nothing to guard.
 */
@Configuration
class BoardSecurity {

  static final String LOGIN = "/camunda/app/tasklist/default/#/login";

  @Bean
  @Order(1)
  SecurityFilterChain boardChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      ProcessEngine processEngine) throws Exception {
    http.securityMatcher("/board", "/board/**")
        .addFilterBefore(new WebappSessionAuthenticationFilter(processEngine.getName()), BasicAuthenticationFilter.class)
        .authenticationProvider(provider)
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> response.sendRedirect(LOGIN)))
        .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> response.sendRedirect(LOGIN)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .headers(h -> h.frameOptions(f -> f.deny()));
    return http.build();
  }
}
