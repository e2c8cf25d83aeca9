package cn.jixiao.web;

import cn.jixiao.report.Violation;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure of the application's own endpoints (and an unknown address) becomes a Chinese JSON message with the
 * right status; never a stack trace. Camunda's REST API and webapps are not Spring MVC and keep their own handling.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.getMessage(), e.violations()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest()
                .body(new ApiError("请求内容不是有效的JSON", List.of(new Violation("", "请求内容不是有效的JSON，无法读取"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiError.of("请以 application/json 格式提交"));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return ResponseEntity.badRequest().body(ApiError.of("查询参数不正确"));
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable() {
        // The client asked for a format this address does not give (e.g. JSON from an HTML page): plain text, which
        // every client accepts.
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
                .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                .body("无法提供所要求的内容格式");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiError.of("不支持此请求方法"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> noResource(NoResourceFoundException e, jakarta.servlet.http.HttpServletRequest request) {
        return ErrorPages.answer(404, request.getRequestURI(), request.getHeader("Accept"));
    }

    @ExceptionHandler(FormFieldValidationException.class)
    ResponseEntity<ApiError> refusedInput(FormFieldValidationException e) {
        return ResponseEntity.badRequest().body(ApiError.of(e.getMessage()));
    }

    /** A second report of a unit for a year, a second campaign for a year: 409 with the existing one's id. */
    @ExceptionHandler(cn.jixiao.engine.Conflict.class)
    ResponseEntity<java.util.Map<String, String>> existing(cn.jixiao.engine.Conflict e) {
        java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("message", e.getMessage());
        if (e.existingId() != null) {
            body.put("id", e.existingId());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> forbidden(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of("没有权限执行此操作"));
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ApiError> conflict(OptimisticLockingException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("该任务刚被他人处理，请刷新后重试"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        LOG.error("unexpected /api failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of("系统内部错误，请稍后重试或联系管理员"));
    }
}
