package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import cn.jixiao.testing.WebappBrowser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords slow the guesser — per account (Camunda's delay) and per client address — but never lock the
 * rightful user out for good, on every door where a password is sent.
 */
class SignInAbuseHttpTest extends HttpTestSupport {

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    private String newUser(String password) {
        String id = "abuse" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        User user = identityService.newUser(id);
        user.setFirstName("测试");
        user.setLastName("登录");
        user.setPassword(password);
        identityService.saveUser(user);
        return id;
    }

    @Test
    void anAccountWithManyFailedAttemptsIsNeverLockedForGood() {
        String password = "Jx-Abuse-Passw0rd!";
        String user = newUser(password);
        // As after a night of guessing: far more failed attempts than Camunda's default permanent lock (10), the last
        // delay over.
        jdbc.update(
                "UPDATE ACT_ID_USER SET ATTEMPTS_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
                500,
                new Timestamp(System.currentTimeMillis() - 1_000),
                user);

        assertThat(sendAs(basic(user, password), "GET", "/engine-rest/task", null, null)
                        .status())
                .as("/engine-rest")
                .isEqualTo(200);
        jdbc.update(
                "UPDATE ACT_ID_USER SET ATTEMPTS_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
                500,
                new Timestamp(System.currentTimeMillis() - 1_000),
                user);
        assertThat(sendAs(basic(user, password), "GET", "/api/reports", null, null)
                        .status())
                .as("/api")
                .isEqualTo(200);
        jdbc.update(
                "UPDATE ACT_ID_USER SET ATTEMPTS_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
                500,
                new Timestamp(System.currentTimeMillis() - 1_000),
                user);
        WebappBrowser browser = new WebappBrowser(this);
        browser.get("/camunda/app/welcome/default/", "text/html");
        Response login = browser.postForm(
                "/camunda/api/admin/auth/user/default/login/welcome",
                "username=" + user + "&password=" + password,
                true);
        assertThat(login.status()).as("webapp sign-in: %s", login).isEqualTo(200);
    }

    @Test
    void oneAddressGuessingIsStoppedBeforeItReachesTheAccountsAndOthersAreNot() throws Exception {
        String password = "Jx-Abuse-Passw0rd!";
        String user = newUser(password);
        InetAddress attacker = InetAddress.getByName("127.0.0.2");
        int failures = 0;
        int status = 0;
        for (int i = 0; i < 70 && status != 429; i++) {
            String door = i % 2 == 0 ? "/api/reports" : "/engine-rest/task";
            status = rawStatus(attacker, door, basic(user, "Wrong-Guess-" + i));
            if (status == 401) {
                failures++;
            }
        }
        assertThat(status).as("the guessing address is stopped").isEqualTo(429);
        assertThat(failures).as("after the configured number of failures").isEqualTo(50);
        // Even the right password waits from there — the account itself is not touched.
        assertThat(rawStatus(attacker, "/api/reports", basic(user, password))).isEqualTo(429);
        // The rightful user elsewhere signs in once the account's own short delay is over.
        long deadline = System.currentTimeMillis() + 30_000;
        int own;
        do {
            Thread.sleep(500);
            own = sendAs(basic(user, password), "GET", "/api/reports", null, null)
                    .status();
        } while (own != 200 && System.currentTimeMillis() < deadline);
        assertThat(own).as("the rightful user from another address").isEqualTo(200);
    }

    /** One request over a socket bound to {@code from}, so the server sees another client address. */
    private int rawStatus(InetAddress from, String path, String authorization) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nAuthorization: "
                            + authorization + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).doesNotContain("Exception", "at org.");
            return Integer.parseInt(answer.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
