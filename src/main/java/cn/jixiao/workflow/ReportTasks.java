package cn.jixiao.workflow;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UserDirectory;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The user's tasks of the report process, listed and completed as that user, so the engine's authorizations decide:
 * the one way the app's own API reaches Camunda's tasks. A task someone else completed a moment earlier is a
 * {@link TaskGone} (taken), never a decision applied twice.
 */
@Service
public class ReportTasks {

    private final TaskService taskService;
    private final HistoryService historyService;
    private final UserDirectory users;
    private final ReportIndex index;

    ReportTasks(TaskService taskService, HistoryService historyService, UserDirectory users, ReportIndex index) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.users = users;
        this.index = index;
    }

    /** One open task as the API shows it; {@code reportId} names the report, not the instance carrying it. */
    public record OpenTask(String id, String key, String name, String reportId, String assignee) {}

    /** The tasks the user may work on (assigned or a candidate), oldest first. */
    public List<OpenTask> of(CurrentUser user) {
        List<Task> tasks = users.as(
                user,
                () -> taskService
                        .createTaskQuery()
                        .or()
                        .taskCandidateUser(user.id())
                        .taskAssignee(user.id())
                        .endOr()
                        .orderByTaskCreateTime()
                        .asc()
                        .list());
        // A correction's tasks run in a later process instance of the report: name the report, not the instance.
        Map<String, String> reportIds =
                index.reportIdsOf(tasks.stream().map(Task::getProcessInstanceId).toList());
        return tasks.stream()
                .map(t -> new OpenTask(
                        t.getId(),
                        t.getTaskDefinitionKey(),
                        t.getName(),
                        reportIds.getOrDefault(t.getProcessInstanceId(), t.getProcessInstanceId()),
                        t.getAssignee()))
                .toList();
    }

    /**
     * Completes the task with the values, as the user.
     *
     * @throws TaskGone when the task is no longer there (taken by someone else) or never was (or is not the user's)
     * @throws InputRefused when the values name a variable the task does not take
     */
    public void complete(CurrentUser user, String taskId, Map<String, Object> values) {
        try {
            users.as(user, () -> {
                Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
                if (task == null) {
                    throw gone(taskId);
                }
                TaskInputs.refusal(task.getTaskDefinitionKey(), values.keySet()).ifPresent(message -> {
                    throw new InputRefused("variables", message);
                });
                taskService.complete(taskId, values);
                return null;
            });
        } catch (OptimisticLockingException | NullValueException raced) {
            throw gone(taskId);
        } catch (ProcessEngineException failed) {
            // Completed by someone else between our lookup and our completion (however the engine puts it: its grants
            // went
            // with it, or it is no longer there): taken. Anything else (e.g. a refused decision) stands as it is.
            if (finished(taskId)) {
                throw gone(taskId);
            }
            throw failed;
        }
    }

    private TaskGone gone(String taskId) {
        return new TaskGone(finished(taskId));
    }

    /** Whether the task was completed (by anyone): a request to complete it again comes too late. */
    public boolean finished(String taskId) {
        return historyService
                        .createHistoricTaskInstanceQuery()
                        .taskId(taskId)
                        .finished()
                        .count()
                > 0;
    }

    /** The task is not there to complete: {@code taken} when someone completed it, else it never was the user's. */
    public static final class TaskGone extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final boolean taken;

        TaskGone(boolean taken) {
            super(taken ? "task completed by someone else" : "no such task for this user");
            this.taken = taken;
        }

        public boolean taken() {
            return taken;
        }
    }
}
