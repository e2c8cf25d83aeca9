package cn.jixiao.workflow;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.ReviewComment;
import cn.jixiao.record.ReviewLog;
import cn.jixiao.report.FormValues;
import cn.jixiao.report.ReportSchemaValidator;
import cn.jixiao.report.Section;
import cn.jixiao.report.Violation;
import cn.jixiao.scoring.Finding;
import cn.jixiao.scoring.ReportAssessment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The drafting tasks. On create: gives the form a task-local copy of its section in form shape (lists of texts as
 * objects), so what was entered before shows again. On complete: takes the section as sent — by the Tasklist's
 * form (into that task-local copy) or by a REST client (onto the process) — back to report shape, refuses a section
 * that breaks the schema with a Chinese message per field, or holds an error of the checks that concern it alone
 * (docs/RULES.md; the task stays open either way), and stores it on the process.
 */
@Component("sectionDraftListener")
class SectionDraftListener implements TaskListener {

    /** Fingerprint of the form-shaped copy as offered, to tell whether the form changed it. */
    static final String OFFERED = "offeredSectionFingerprint";

    /** What a section is checked with besides itself. */
    private static final Set<String> HEADER = ReportVariables.HEADER;

    private final ReportVariables variables;
    private final ReportSchemaValidator validator;
    private final ReportAssessment assessment;
    private final DraftProgress progress;
    private final ReviewLog log;

    SectionDraftListener(
            ReportVariables variables,
            ReportSchemaValidator validator,
            ReportAssessment assessment,
            DraftProgress progress,
            ReviewLog log) {
        this.variables = variables;
        this.validator = validator;
        this.assessment = assessment;
        this.progress = progress;
        this.log = log;
    }

    @Override
    public void notify(DelegateTask task) {
        Section section = Section.byTaskId(task.getTaskDefinitionKey())
                .orElseThrow(() -> new IllegalStateException("not a section task: " + task.getTaskDefinitionKey()));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            offerFormShape(task, section);
            carryReviewHistory(task, log);
        } else {
            store(task, section);
        }
    }

    private void offerFormShape(DelegateTask task, Section section) {
        JsonNode current = variables.toJsonNode(task.getVariable(section.key()));
        if (FormValues.hasTextLists(current)) {
            JsonNode offered = FormValues.toForm(current);
            task.setVariableLocal(section.key(), variables.json(offered));
            task.setVariableLocal(OFFERED, fingerprint(offered));
        }
    }

    /**
     * A section reopened by a return is a new task, and the Tasklist's 历史 tab of a new task is empty: the decisions
     * of the earlier rounds (who returned it, when, why, which sections) go onto it as comments, so the tab shows them.
     */
    static void carryReviewHistory(DelegateTask task, ReviewLog log) {
        List<ReviewComment> history = log.of(task.getProcessInstanceId());
        for (ReviewComment decision : history) {
            task.getProcessEngineServices()
                    .getTaskService()
                    .createComment(task.getId(), task.getProcessInstanceId(), ReviewDecisionListener.line(decision));
        }
    }

    private void store(DelegateTask task, Section section) {
        Submitted submitted = submitted(task, section);
        JsonNode value = FormValues.fromForm(submitted.value());
        if (value == null) {
            if (section != Section.OTHER_NOTES) {
                throw new InputRefused(section.key(), "「" + section.label() + "」尚未填写，请填写后再完成");
            }
            value = JsonNodeFactory.instance.textNode("");
        }
        // The section is checked in a report holding only its header and itself: the other sections are neither read
        // nor parsed here (each is a stored Json payload), and only this section's violations count.
        ObjectNode report = variables.assemble(name -> HEADER.contains(name) ? task.getVariable(name) : null);
        report.set(section.key(), value);
        // Numbers typed as text (１２３, 1,234.5, 12万元) are read exactly; a text that is no number is refused by name.
        ReportSchemaValidator.TypedReport typed = validator.readTypedNumbers(report);
        if (!typed.refused().isEmpty()) {
            throw new InputRefused(
                    section.key(), ViolationMessages.of("「" + section.label() + "」有以下内容需要修改：", typed.refused()));
        }
        report = (ObjectNode) typed.report();
        value = report.get(section.key());
        List<Violation> violations = validator.validateSection(report, section.key());
        if (!violations.isEmpty()) {
            throw new InputRefused(
                    section.key(), ViolationMessages.of("「" + section.label() + "」有以下内容需要修改：", violations));
        }
        // The checks that concern this section alone run now, not only after the whole report is submitted: an error
        // keeps the task open with the messages; warnings let it through and show again on 提交审核.
        List<Finding> errors = assessment.sectionFindings(report, section.key()).stream()
                .filter(Finding::isError)
                .toList();
        if (!errors.isEmpty()) {
            throw new InputRefused(
                    section.key(),
                    "「" + section.label() + "」有以下错误需要修改：\n"
                            + String.join(
                                    "\n",
                                    errors.stream()
                                            .map(f -> "【错误】" + f.message())
                                            .toList()));
        }
        // The form's copy is task-local; the section itself lives on the process instance.
        task.removeVariableLocal(section.key());
        task.removeVariableLocal(OFFERED);
        if (!(submitted.onProcess() && value.equals(submitted.value()))) {
            // Written only when it changed: a rewrite stores the whole payload again and its history.
            task.setVariable(section.key(), variables.json(value));
        }
        progress.sectionDone(task.getExecution());
    }

    /** The section as submitted, and whether it is the process instance's value already. */
    private record Submitted(JsonNode value, boolean onProcess) {}

    /**
     * The form writes into the task-local copy; {@code complete} with variables writes onto the process. The copy
     * counts only if the form changed it; otherwise the process value (possibly just sent) is the section.
     */
    private Submitted submitted(DelegateTask task, Section section) {
        Object local = task.getVariableLocal(section.key());
        Object offered = task.getVariableLocal(OFFERED);
        JsonNode localValue = variables.toJsonNode(local);
        if (localValue != null && (offered == null || !Objects.equals(offered, fingerprint(localValue)))) {
            return new Submitted(localValue, false);
        }
        return new Submitted(variables.toJsonNode(task.getExecution().getVariable(section.key())), true);
    }

    private static String fingerprint(JsonNode node) {
        return Integer.toHexString(node.toString().hashCode()) + ":"
                + node.toString().length();
    }
}
