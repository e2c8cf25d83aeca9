package cn.jixiao.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the browser test, with a message saying what to install, on a developer's machine without Chromium or
 * chromedriver — before the application is started. When the environment variable {@code CI} is set the test runs
 * anyway and fails at once in {@link E2eBrowser#requireChromium()}.
 */
final class RequiresChromium implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = E2eBrowser.missing();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
        }
        if (System.getenv("CI") != null) {
            return ConditionEvaluationResult.enabled("CI is set: a missing browser must fail the build");
        }
        String message = "SKIPPED: " + E2eBrowser.missingMessage(missing);
        System.err.println("[e2e] " + message);
        return ConditionEvaluationResult.disabled(message);
    }
}
