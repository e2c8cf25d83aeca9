package cn.jixiao.web;

import cn.jixiao.report.Violation;
import java.util.List;
import org.springframework.http.HttpStatus;

/** An /api refusal with its status and Chinese message. */
class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final transient List<Violation> violations;

    ApiException(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    ApiException(HttpStatus status, String message, List<Violation> violations) {
        super(message);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public HttpStatus status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "报告不存在或您无权查看");
    }
}
