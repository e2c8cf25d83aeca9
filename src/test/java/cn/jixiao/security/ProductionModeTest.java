package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.jixiao.JixiaoApplication;
import cn.jixiao.record.ReportIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as an operator starts it: without the demo profile. No demo user, no demo report, exactly the
 * configured administrator; a weak administrator password or none at all stops the start.
 *
 * <p>Each start is its own application on its own in-memory database and with its own process engine name (as
 * RestartTest does), so it neither sees nor disturbs the shared HTTP test application. Properties go in as
 * command-line arguments, the highest precedence, because surefire sets {@code jixiao.admin.password} as a system
 * property for every test.
 */
class ProductionModeTest {

    private static final String ADMIN_PASSWORD = "Jx-Prod-Passw0rd-2026!";

    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static String[] args(String... more) {
        String name = "prod" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + name + ";DB_CLOSE_DELAY=-1;MODE=LEGACY",
                "--camunda.bpm.process-engine-name=" + name));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(JixiaoApplication.class).run(args);
    }

    @Test
    void withoutTheDemoProfileThereIsOnlyTheConfiguredAdministratorAndNoReport() throws Exception {
        context = start(args("--jixiao.admin.password=" + ADMIN_PASSWORD));

        assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain("demo");
        IdentityService identity = context.getBean(IdentityService.class);
        for (String demoUser : List.of("clerk", "leader", "clerk2", "leader2", "finance")) {
            assertThat(identity.createUserQuery().userId(demoUser).count())
                    .as("demo user %s", demoUser)
                    .isZero();
        }
        List<User> users = identity.createUserQuery().list();
        assertThat(users).extracting(User::getId).containsExactly("admin");
        assertThat(identity.createUserQuery()
                        .userId("admin")
                        .memberOfGroup(Groups.CAMUNDA_ADMIN)
                        .count())
                .isEqualTo(1);
        // The finance bureau's group exists, empty until an administrator adds people.
        assertThat(identity.createUserQuery().memberOfGroup("finance-bureau").count())
                .isZero();
        // No unit and no report.
        assertThat(context.getBean(HistoryService.class)
                        .createHistoricProcessInstanceQuery()
                        .count())
                .isZero();
        assertThat(context.getBean(ReportIndex.class)
                        .list(null, null, null, new ReportIndex.Visibility(true, List.of(), false)))
                .isEmpty();

        // Over HTTP: the administrator signs in with the configured password and finds nothing; the demo accounts
        // do not exist. (Wrong passwords last: each one slows the next sign-in of that user down.)
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        assertThat(status(port, "/api/reports", "admin", ADMIN_PASSWORD)).isEqualTo(200);
        assertThat(body(port, "/api/reports", "admin", ADMIN_PASSWORD)).isEqualTo("[]");
        assertThat(body(port, "/api/units", "admin", ADMIN_PASSWORD)).isEqualTo("[]");
        for (String demoUser : List.of("clerk", "leader", "clerk2", "leader2", "finance")) {
            assertThat(status(port, "/api/reports", demoUser, "demo"))
                    .as("%s with the demo password", demoUser)
                    .isEqualTo(401);
        }
        assertThat(status(port, "/api/reports", "admin", "demo"))
                .as("admin with the demo password")
                .isEqualTo(401);
    }

    @Test
    void aWeakAdministratorPasswordStopsTheStart() {
        Throwable failure = catchThrowable(() -> context = start(args("--jixiao.admin.password=admin123")));

        assertThat(failure).as("the start with a weak password").isNotNull();
        // Camunda's password policy (enablePasswordPolicy): at least 10 characters with upper and lower case, a digit
        // and a special character.
        assertThat(messages(failure)).as("the reason").contains("Password does not match policy");
    }

    @Test
    void withoutAnAdministratorPasswordTheApplicationRefusesToStart() {
        Throwable failure = catchThrowable(() -> context = start(args("--jixiao.admin.password=")));

        assertThat(failure).as("the start without an administrator password").isNotNull();
        assertThat(messages(failure)).contains("JIXIAO_ADMIN_PASSWORD");
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getClass().getName())
                    .append(": ")
                    .append(t.getMessage())
                    .append('\n');
        }
        return all.toString();
    }

    private static HttpResponse<String> call(int port, String path, String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int status(int port, String path, String user, String password) throws Exception {
        return call(port, path, user, password).statusCode();
    }

    private static String body(int port, String path, String user, String password) throws Exception {
        return call(port, path, user, password).body();
    }
}
