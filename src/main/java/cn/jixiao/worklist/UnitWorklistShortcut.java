package cn.jixiao.worklist;

import cn.jixiao.http.ReplayedBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where the Tasklist's request for 本单位待办 is answered by {@link UnitWorklist}: on both doors to Camunda's REST API
 * ({@code /engine-rest} with HTTP Basic, the webapps' {@code /camunda/api/engine} with the Tasklist's session), as the
 * last filter before Camunda's REST servlets, so every guard, authentication and CSRF check in front of Camunda has
 * already run and the caller is the engine's authenticated user. A request it does not take goes on to Camunda
 * untouched (its body replayed).
 *
 * <p>Camunda's webapps add their filters (session authentication, CSRF, security headers) behind all of the
 * application's filter registrations. To come after them this is an auto-configuration ordered after Camunda's webapp
 * configuration (so its initializer runs after Camunda's), mapped "after" as Camunda maps its own.
 * UnitWorklistShortcutHttpTest shows both doors answered here and the CSRF check still in front.
 */
@AutoConfiguration(after = CamundaBpmWebappAutoConfiguration.class)
public class UnitWorklistShortcut {

    /** The body of a list request the shortcut reads; a larger one is not the Tasklist's paging and goes on. */
    static final int MAX_BODY = 64 * 1024;

    static final String NAME = "jixiao-unit-worklist";

    @Bean
    ServletContextInitializer unitWorklistShortcutFilter(UnitWorklist worklist) {
        return context -> {
            FilterRegistration.Dynamic registration = context.addFilter(NAME, new Shortcut(worklist));
            registration.setAsyncSupported(true);
            registration.addMappingForUrlPatterns(
                    EnumSet.of(DispatcherType.REQUEST), true, "/engine-rest/*", "/camunda/api/engine/*");
        };
    }

    static final class Shortcut extends OncePerRequestFilter {

        private static final Logger LOG = LoggerFactory.getLogger(UnitWorklistShortcut.class);
        private static final MediaType HAL = MediaType.parseMediaType("application/hal+json");

        private final UnitWorklist worklist;
        private final Pattern path;
        private final ObjectMapper reader = new ObjectMapper();
        private final ObjectMapper writer = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

        Shortcut(UnitWorklist worklist) {
            this.worklist = worklist;
            String engine = Pattern.quote(worklist.engineName());
            this.path = Pattern.compile("/(?:engine-rest(?:/engine/" + engine + ")?|camunda/api/engine/engine/" + engine
                    + ")/filter/([0-9A-Za-z-]{1,64})/list");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Matcher matcher = path.matcher(
                    request.getRequestURI().substring(request.getContextPath().length()));
            if (!"POST".equals(request.getMethod())
                    || !matcher.matches()
                    || !prefersHal(request.getHeader("Accept"))
                    || !isJson(request.getContentType())
                    || request.getContentLengthLong() < 0
                    || request.getContentLengthLong() > MAX_BODY
                    || !worklist.isUnitTasks(matcher.group(1))) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            HttpServletRequest replayed = new ReplayedBody(request, body);
            Optional<HalResource<?>> answer = Optional.empty();
            try {
                Optional<WorklistRequest> asked = WorklistRequest.of(
                        body.length == 0 ? null : reader.readTree(body),
                        request.getParameter("firstResult"),
                        request.getParameter("maxResults"));
                if (asked.isPresent()) {
                    answer = worklist.list(asked.get());
                }
            } catch (IOException | RuntimeException e) {
                // Camunda answers whatever this could not (an unreadable body, a failing read): same as before.
                LOG.debug("本单位待办 left to Camunda: {}", e.toString());
                answer = Optional.empty();
            }
            if (answer.isEmpty()) {
                chain.doFilter(replayed, response);
                return;
            }
            byte[] json = writer.writeValueAsBytes(answer.get());
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(HAL.toString());
            response.setHeader("Vary", "Accept");
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
        }

        /** Whether Camunda would answer the Accept header with HAL: hal+json asked for above plain JSON. */
        static boolean prefersHal(String accept) {
            if (accept == null) {
                return false;
            }
            List<MediaType> types;
            try {
                types = MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                return false;
            }
            double hal = 0;
            double json = 0;
            for (MediaType type : types) {
                if (type.equalsTypeAndSubtype(HAL)) {
                    hal = Math.max(hal, type.getQualityValue());
                }
                if (type.includes(MediaType.APPLICATION_JSON)) {
                    json = Math.max(json, type.getQualityValue());
                }
            }
            return hal > json;
        }

        private static boolean isJson(String contentType) {
            try {
                return contentType != null
                        && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
            } catch (InvalidMediaTypeException e) {
                return false;
            }
        }
    }
}
