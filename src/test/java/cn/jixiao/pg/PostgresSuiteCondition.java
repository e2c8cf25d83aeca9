package cn.jixiao.pg;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL suite needs a server. On a developer machine without one its tests are skipped with a message saying
 * how to get one; with CI set (as .ci/run sets it) a missing server fails them, so CI cannot pass without having run
 * them. Registered through JUnit's extension auto-detection, which only the PostgreSQL executions switch on (pom.xml).
 */
public class PostgresSuiteCondition implements ExecutionCondition {

    private static volatile String reason;
    private static volatile boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!PostgresServer.suiteActive()) {
            return ConditionEvaluationResult.enabled("not the PostgreSQL suite");
        }
        if (!checked) {
            reason = PostgresServer.unavailableReason();
            checked = true;
        }
        if (reason == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + PostgresServer.url());
        }
        String message =
                "PostgreSQL suite: no server at " + PostgresServer.url() + " as " + PostgresServer.user() + " ("
                        + reason
                        + "). Install Debian's postgresql, create a role with CREATEDB and a database, and set JX_PG_URL,"
                        + " JX_PG_USER, JX_PG_PASSWORD (as .ci/run does)";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(message + "; CI is set, so this fails");
        }
        System.out.println("[skipped] " + message);
        return ConditionEvaluationResult.disabled(message);
    }
}
