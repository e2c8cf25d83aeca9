package cn.jixiao.duty;

import cn.jixiao.workflow.TaskInputs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which calls of Camunda's REST API (at /engine-rest and the webapps' /camunda/api/engine) a user who is not an
 * administrator may make. Camunda's authorizations say who may touch which object; they do not say that a report
 * moves only through its workflow. So for everyone but administrators: a change is allowed only if it is one of
 * the few a clerk, a leader or the finance bureau needs (start a report at its start event, claim a task for
 * oneself, complete it with its own variables, comment, run queries, edit one's own profile and password); every
 * other change (instance modification, migration, restart, re-routing a task, setting variables, deleting,
 * messages, signals, jobs, deployments, identity) is refused before Camunda reads it. Reading stays with Camunda's
 * authorizations, except statistics and reports, which count instances the caller may not read.
 */
final class EngineDoorRules {

    /** A refusal: HTTP status and the Chinese message the caller sees. */
    record Refusal(int status, String type, String message) {}

    /** Who calls; whether they are an administrator is looked up only when it matters. */
    record Caller(String userId, BooleanSupplier adminCheck) {
        boolean admin() {
            return adminCheck.getAsBoolean();
        }
    }

    /** The call, with its path relative to the engine (e.g. {@code task/123/complete}) and its JSON body if any. */
    record Call(String method, String path, JsonNode body, boolean bodyUnreadable) {}

    static final String ADMIN_ONLY = "只有系统管理员可以执行此操作";

    private static final Pattern START =
            Pattern.compile("process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)");
    private static final Pattern TASK_COMPLETE = Pattern.compile("task/([^/]+)/(?:complete|submit-form)");
    private static final Pattern TASK_CLAIM = Pattern.compile("task/([^/]+)/claim");
    private static final Pattern OWN_ACCOUNT = Pattern.compile("user/([^/]+)/(?:profile|credentials)");

    /** Changes anyone signed in may make (bodies checked below); queries sent by POST are reads. */
    private static final List<Pattern> WRITES_ALLOWED = List.of(
            Pattern.compile("task(?:/count)?"),
            Pattern.compile("task/[^/]+/(?:claim|unclaim|complete|submit-form)"),
            Pattern.compile("task/[^/]+/comment/create"),
            Pattern.compile("filter/[^/]+/(?:list|count|singleResult)"),
            Pattern.compile("(?:process-instance|variable-instance|execution|incident)(?:/count)?"),
            Pattern.compile("history/(?!cleanup)[a-z-]+(?:/count)?"),
            START,
            OWN_ACCOUNT,
            Pattern.compile("identity/password-policy"));

    /** Reads that count what the caller may not see (instances of every unit). */
    private static final Pattern COUNTS_EVERYTHING =
            Pattern.compile("(?:^|.*/)(?:statistics|report)(?:/.*|$)|metrics(?:/.*)?");

    /** Value types a user may send: plain values and JSON; never Java objects, files or bytes. */
    private static final java.util.Set<String> PLAIN_TYPES =
            java.util.Set.of("string", "json", "integer", "long", "short", "double", "boolean", "null");

    private EngineDoorRules() {}

    /**
     * The refusal for this call, or empty when Camunda may take it (and apply its own authorizations).
     *
     * @param taskKeyOf the task definition key of an open task, looked up without the caller's rights
     */
    static Optional<Refusal> judge(Call call, Caller caller, Function<String, Optional<String>> taskKeyOf) {
        return judge(call, caller, taskKeyOf, id -> true);
    }

    private static final Pattern START_BY_ID =
            Pattern.compile("process-definition/(?!key/)([^/]+)/(?:start|submit-form)");

    /**
     * As above; {@code isLatestDefinition} tells whether a process definition id is the latest version of its key
     * (an earlier version lacks the checks of later ones, so reports start only on the latest).
     */
    static Optional<Refusal> judge(
            Call call,
            Caller caller,
            Function<String, Optional<String>> taskKeyOf,
            java.util.function.Predicate<String> isLatestDefinition) {
        String path = call.path();
        boolean reading = switch (call.method()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        Matcher complete = TASK_COMPLETE.matcher(path);
        if (!reading && complete.matches()) {
            // Whoever completes a task, administrators included, sends only that task's own variables: a repair is
            // done by modification in Cockpit, never by rewriting a report while deciding on it.
            Optional<Refusal> refusal = taskKeyOf.apply(complete.group(1)).flatMap(key -> completion(call, key));
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        if (reading) {
            return COUNTS_EVERYTHING.matcher(path).matches() && !caller.admin()
                    ? forbidden(ADMIN_ONLY + "（统计数据包含其他单位的报告）")
                    : Optional.empty();
        }
        if (WRITES_ALLOWED.stream().noneMatch(p -> p.matcher(path).matches())) {
            return caller.admin() ? Optional.empty() : forbidden(ADMIN_ONLY);
        }
        if (caller.admin()) {
            return Optional.empty();
        }
        Matcher own = OWN_ACCOUNT.matcher(path);
        if (own.matches()) {
            return own.group(1).equals(caller.userId()) ? Optional.empty() : forbidden("只能修改本人的资料和密码");
        }
        if (START.matcher(path).matches()) {
            Matcher byId = START_BY_ID.matcher(path);
            if (byId.matches() && !isLatestDefinition.test(byId.group(1))) {
                return forbidden("只能按流程的最新版本发起报告");
            }
            return start(call);
        }
        Matcher claim = TASK_CLAIM.matcher(path);
        if (claim.matches()) {
            return claim(call, caller);
        }
        return Optional.empty();
    }

    /** A report starts at its start event, with its listeners, and with nothing but its header and sections. */
    private static Optional<Refusal> start(Call call) {
        if (call.bodyUnreadable()) {
            return badRequest("请求内容不是有效的 JSON");
        }
        JsonNode body = call.body();
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        JsonNode instructions = body.get("startInstructions");
        if (instructions != null && !instructions.isNull() && !(instructions.isArray() && instructions.isEmpty())) {
            return forbidden("报告只能从「开始编制报告」发起，不能指定从其他环节开始");
        }
        if (truthy(body.get("skipCustomListeners")) || truthy(body.get("skipIoMappings"))) {
            return forbidden("发起报告时不能跳过流程的检查（skipCustomListeners、skipIoMappings）");
        }
        List<String> refused = new ArrayList<>();
        names(body.get("variables")).forEach(name -> {
            if (!TaskInputs.START.contains(name)) {
                refused.add(name);
            }
        });
        if (!refused.isEmpty()) {
            return badRequest("发起报告时不能填写「" + String.join("」「", refused) + "」：只能填写年度、单位、报告范围、评分模板和报告各章节");
        }
        return wrongType(body.get("variables"));
    }

    /** Claiming is for oneself; handing a task to someone else is an administrator's job. */
    private static Optional<Refusal> claim(Call call, Caller caller) {
        if (call.bodyUnreadable()) {
            return badRequest("请求内容不是有效的 JSON");
        }
        JsonNode userId = call.body() == null ? null : call.body().get("userId");
        // A claim without a user would take the task away from whoever holds it: claiming is for oneself only.
        if (userId == null || userId.isNull() || !userId.asText().equals(caller.userId())) {
            return forbidden("只能由本人认领任务，不能把任务交给他人办理");
        }
        return Optional.empty();
    }

    /** Each task takes only its own variables. */
    private static Optional<Refusal> completion(Call call, String taskKey) {
        if (call.bodyUnreadable()) {
            return badRequest("请求内容不是有效的 JSON");
        }
        JsonNode body = call.body();
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        Optional<Refusal> foreign =
                TaskInputs.refusal(taskKey, names(body.get("variables"))).flatMap(EngineDoorRules::badRequest);
        return foreign.isPresent() ? foreign : wrongType(body.get("variables"));
    }

    /** A variable sent as a Java object, a file or bytes (deserialized on the server): refused by name. */
    private static Optional<Refusal> wrongType(JsonNode variables) {
        List<String> wrong = new ArrayList<>();
        if (variables != null && variables.isObject()) {
            variables.fields().forEachRemaining(f -> {
                JsonNode type = f.getValue().get("type");
                if (type != null
                        && !type.isNull()
                        && !PLAIN_TYPES.contains(type.asText().toLowerCase(java.util.Locale.ROOT))) {
                    wrong.add(f.getKey());
                }
            });
        }
        return wrong.isEmpty()
                ? Optional.empty()
                : badRequest("「" + String.join("」「", wrong) + "」的类型不允许：只能提交文本、数字、是否或 JSON");
    }

    private static List<String> names(JsonNode variables) {
        List<String> names = new ArrayList<>();
        if (variables != null && variables.isObject()) {
            variables.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static boolean truthy(JsonNode value) {
        return value != null
                && !value.isNull()
                && !(value.isBoolean() && !value.booleanValue())
                && !(value.isTextual()
                        && ("false".equalsIgnoreCase(value.asText())
                                || value.asText().isEmpty()));
    }

    private static Optional<Refusal> forbidden(String message) {
        return Optional.of(new Refusal(403, "AuthorizationException", message));
    }

    private static Optional<Refusal> badRequest(String message) {
        return Optional.of(new Refusal(400, "InvalidRequestException", message));
    }
}
