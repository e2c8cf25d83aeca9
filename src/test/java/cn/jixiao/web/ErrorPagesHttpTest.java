package cn.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unknown addresses and the container's own errors answer in Chinese, as JSON or a page as fits, never a product page. */
class ErrorPagesHttpTest extends HttpTestSupport {

    private static void assertNoProductPage(Response r) {
        assertThat(r.body())
                .doesNotContain("Whitelabel", "Apache Tomcat", "Tomcat/", "Spring", "Exception", "timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/no-such-page", "/public/no-such-page", "/public/reports/x/y/z", "/camunda/no-such-page"})
    void browsersGetAChinesePage(String path) {
        Response r = exchange("GET", path, Map.of("Accept", "text/html,application/xhtml+xml"), null);
        assertThat(r.status()).as("%s", r).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("您访问的地址不存在", "lang=\"zh-CN\"");
        assertNoProductPage(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/no-such-thing", "/api/reports/x/no-such-thing", "/no-such-page"})
    void apiClientsGetChineseJson(String path) {
        Response r = get("clerk", path);
        assertThat(r.status()).as("%s", r).isEqualTo(404);
        assertThat(r.json().path("message").asText()).isEqualTo("您访问的地址不存在");
        assertNoProductPage(r);
    }

    @Test
    void aWrongMethodOrAnUnreadableBodyIsChineseToo() {
        Response method = send("clerk", "DELETE", "/public/reports", null, null);
        assertThat(method.status()).isIn(403, 405);
        assertNoProductPage(method);
        Response body = send("clerk", "POST", "/api/reports", "{broken", "application/json");
        assertThat(body.status()).isEqualTo(400);
        assertThat(hasChinese(body.body())).isTrue();
        assertNoProductPage(body);
    }

    @Test
    void tomcatsOwnErrorPageNamesNoServer() throws IOException {
        // A request line Tomcat refuses before any application code runs.
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /a%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).doesNotContain("Apache Tomcat", "Tomcat/", "Exception", "org.apache");
        }
    }
}
