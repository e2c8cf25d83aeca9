package cn.jixiao.testing;

import cn.jixiao.testing.HttpTestSupport.Response;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cookie-keeping client of the webapps, as the Tasklist in a browser: session cookie, CSRF token sent back in
 * {@code X-XSRF-TOKEN} (the HTTP client of the tests keeps no cookies by itself).
 */
public final class WebappBrowser {

    public final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpTestSupport http;

    public WebappBrowser(HttpTestSupport http) {
        this.http = http;
    }

    /** A browser signed in to the Tasklist as {@code user} (demo password). */
    public static WebappBrowser signedIn(HttpTestSupport http, String user) {
        WebappBrowser browser = new WebappBrowser(http);
        Response page = browser.get("/camunda/app/tasklist/default/", "text/html");
        if (page.status() != 200) {
            throw new AssertionError("Tasklist page: " + page);
        }
        Response login = browser.postForm(
                "/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + user + "&password=" + HttpTestSupport.PASSWORD,
                true);
        if (login.status() != 200) {
            throw new AssertionError("login as " + user + ": " + login);
        }
        // Signing in starts a new session; its CSRF token comes with the next answer, as the Tasklist's next call gets
        // it.
        browser.get("/camunda/api/admin/auth/user/default", "application/json");
        return browser;
    }

    public Response get(String path, String accept) {
        return call("GET", path, null, null, accept, false);
    }

    public Response post(String path, String body, String contentType, boolean xsrf) {
        return call("POST", path, body, contentType, "application/json", xsrf);
    }

    /** A POST asking for the given media type (the Tasklist's lists ask for HAL). */
    public Response post(String path, String body, String contentType, String accept, boolean xsrf) {
        return call("POST", path, body, contentType, accept, xsrf);
    }

    public Response postForm(String path, String form, boolean xsrf) {
        return call("POST", path, form, "application/x-www-form-urlencoded", "application/json", xsrf);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Any call, JSON body, with the CSRF token as the Tasklist sends it. */
    public Response call(String method, String path, String body) {
        return call(method, path, body, body == null ? null : "application/json", "application/json", true);
    }

    /** Any call with the given content type, with the CSRF token as the Tasklist sends it. */
    public Response call(String method, String path, String body, String contentType) {
        return call(method, path, body, contentType, "application/json", true);
    }

    private Response call(String method, String path, String body, String contentType, String accept, boolean xsrf) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (!cookies.isEmpty()) {
            headers.put(
                    "Cookie",
                    String.join(
                            "; ",
                            cookies.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList()));
        }
        if (xsrf && cookies.containsKey("XSRF-TOKEN")) {
            headers.put("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        Response response =
                http.exchange(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        remember(response.headers());
        return response;
    }

    private void remember(HttpHeaders headers) {
        for (String setCookie : headers.allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }
}
