package cn.jixiao.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the servlet container or Spring answers itself (an unknown address, a wrong method, a body too large)
 * in Chinese: JSON for the APIs and for clients that ask for JSON, a small Chinese page for browsers — never Spring's
 * Whitelabel page, never Tomcat's page with its version number, never an exception's text.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "请求无效，请检查地址和提交的内容",
            401, "请先登录",
            403, "没有权限执行此操作",
            404, "您访问的地址不存在",
            405, "不支持此请求方法",
            406, "无法提供所要求的内容格式",
            413, "提交的内容过大",
            415, "不支持的内容类型，请以 application/json 格式提交",
            429, "请求过于频繁，请稍后再试");

    @RequestMapping("/error")
    public ResponseEntity<?> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return answer(status, uri == null ? request.getRequestURI() : uri.toString(), request.getHeader("Accept"));
    }

    /** The Chinese answer for {@code status} at {@code path}: JSON or an HTML page as fits the path and the client. */
    static ResponseEntity<?> answer(int status, String path, String accept) {
        String message = message(status);
        if (wantsHtml(path, accept)) {
            return page(status, message);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(message));
    }

    /** The small Chinese error page with {@code message} (escaped), for pages people open in a browser. */
    static ResponseEntity<String> page(int status, String message) {
        String text = org.springframework.web.util.HtmlUtils.htmlEscape(message, "UTF-8");
        String page = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%d %s</title>
        <style>body{font-family:sans-serif;margin:2em;line-height:1.6}h1{font-size:1.3em}</style>
        </head><body><h1>%s</h1><p>错误代码 %d。<a href="/public/reports">查看已公开的报告</a> · <a href="/camunda/app/tasklist/">登录任务列表</a></p>
        </body></html>
        """.formatted(status, text, text, status);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page);
    }

    static String message(int status) {
        return MESSAGES.getOrDefault(status, status >= 500 ? "系统内部错误，请稍后重试或联系管理员" : "请求无法处理");
    }

    private static boolean wantsHtml(String path, String accept) {
        if (path != null
                && (path.startsWith("/api/")
                        || path.equals("/api")
                        || path.startsWith("/engine-rest")
                        || path.startsWith("/camunda/api/"))) {
            return false;
        }
        return accept != null && accept.contains("text/html");
    }

    /** Tomcat's own error page (for what never reaches Spring, e.g. a malformed address): no report, no version. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> quietTomcatErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(QuietErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report without the server's name and version and without the exception report. */
    public static class QuietErrorReportValve extends ErrorReportValve {
        public QuietErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }
    }
}
