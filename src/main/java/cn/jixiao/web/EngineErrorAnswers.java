package cn.jixiao.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Camunda's REST API says when something goes wrong, made fit for the person who sent the request. Camunda
 * answers many mistakes in a request (a missing part, a value of the wrong type, an unknown sort key) with 500 and
 * the text of the exception, naming engine classes, engine codes or a null pointer. Such an answer becomes a 400
 * with a Chinese message; a message that names Java classes, stack frames, SQL or engine codes is replaced by a
 * Chinese one of the same status; only a fault of the server itself (the database) stays a 500, without its text.
 */
final class EngineErrorAnswers {

    /** An answer to send instead. */
    record Answer(int status, String type, String message) {}

    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("\\b(?:java|javax|jakarta|org|com|cn|sun)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]*[A-Za-z0-9_$]"),
            Pattern.compile("\\tat |\\.java:\\d+"),
            Pattern.compile(
                    "Cannot invoke|NullPointerException|IllegalStateException|ClassCastException|IndexOutOfBounds"),
            Pattern.compile("ENGINE-\\d{5}"),
            Pattern.compile("(?i)\\bselect\\b.{0,200}\\bfrom\\b|\\binsert into\\b|\\bACT_[A-Z]{2}_"));

    /** Exception types, and texts, that mean the server itself failed (its database, its memory), not the request. */
    private static final Pattern SERVER_FAULT_TYPE =
            Pattern.compile("(?i)persistenceexception|sqlexception|jdbc|outofmemory|ioexception");

    private static final Pattern SERVER_FAULT_TEXT =
            Pattern.compile("(?i)sqlexception|### error|jdbc connection|out of memory");

    private EngineErrorAnswers() {}

    /** The answer to send instead of {@code status} with {@code body}, or empty to leave it as it is. */
    static Optional<Answer> rewrite(int status, String body, ObjectMapper mapper) {
        if (status < 400) {
            return Optional.empty();
        }
        String type = "";
        String message = body == null ? "" : body;
        try {
            JsonNode json = body == null || body.isBlank() ? null : mapper.readTree(body);
            if (json != null && json.isObject()) {
                type = json.path("type").asText("");
                message = json.path("message").asText("");
            }
        } catch (java.io.IOException notJson) {
            // an HTML or text answer: judged by its text
        }
        if (status >= 500) {
            if (SERVER_FAULT_TYPE.matcher(type).find()
                    || SERVER_FAULT_TEXT.matcher(message).find()) {
                return Optional.of(new Answer(500, "ServerError", "系统内部错误，请稍后重试或联系管理员"));
            }
            return Optional.of(new Answer(
                    400,
                    "InvalidRequestException",
                    "请求无法处理：请检查地址中的编号和提交的内容"
                            + (hasInternals(message) || message.isBlank() ? "" : "（" + message + "）")));
        }
        if (hasInternals(message) || hasInternals(type)) {
            return Optional.of(new Answer(
                    status,
                    type.isBlank() || hasInternals(type) ? "InvalidRequestException" : type,
                    ErrorPages.message(status)));
        }
        return Optional.empty();
    }

    static boolean hasInternals(String text) {
        return text != null && INTERNALS.stream().anyMatch(p -> p.matcher(text).find());
    }
}
