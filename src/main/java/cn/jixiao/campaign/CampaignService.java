package cn.jixiao.campaign;

import cn.jixiao.JixiaoProperties;
import cn.jixiao.engine.Conflict;
import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReportFigures;
import cn.jixiao.record.ReportIndex;
import cn.jixiao.record.Stage;
import cn.jixiao.report.ProcessVariables;
import cn.jixiao.report.ReportScope;
import cn.jixiao.report.Section;
import cn.jixiao.scoring.ScoringTemplate;
import cn.jixiao.scoring.TemplateCatalog;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UserDirectory;
import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import cn.jixiao.workflow.ReportService;
import cn.jixiao.workflow.ReportVariables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 年度绩效自评工作: the finance bureau's campaign for a fiscal year. Opening records it with its scope (every
 * registered unit unless named); launching starts — or adopts — each unit's report in small batches, prefilled
 * with what rarely changes and due at the unit's due date; each tick sends the reminders and marks the overdue
 * units that fell due since the last one. The BPMN model (bpmn/self-evaluation-campaign.bpmn) decides when each
 * of these runs; this class decides what they do.
 */
@Service
public class CampaignService {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);

    static final String FISCAL_YEAR = "fiscalYear";
    static final String DEADLINE = "deadline";
    static final String NOTICE = "notice";
    static final String UNITS = "units";
    /** 评分模板 of the reports the campaign starts (template id; blank: national). */
    static final String PROFILE = ProcessVariables.PROFILE;
    /** 报告范围 of the reports the campaign starts (department or projects; blank: department). */
    static final String SCOPE = ProcessVariables.SCOPE;

    static final String MESSAGE_REPLAN = "jixiaoCampaignReplan";
    static final int NOTICE_MAX = 2000;

    private static final Set<String> DRAFTING_TASKS = Set.of(
            "draftBasicInfo",
            "draftBudget",
            "draftPerformance",
            "draftProjects",
            "draftProject",
            "draftProblems",
            "draftOtherNotes",
            "draftSubmit");

    private final CampaignStore store;
    private final ReportFigures figures;
    private final CampaignSettings settings;
    private final UnitService units;
    private final ReportIndex index;
    private final ReportService reports;
    private final ReportVariables variables;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final UserDirectory users;
    private final JixiaoProperties properties;
    private final CampaignMessenger messenger;
    private final TemplateCatalog templates;

    CampaignService(
            CampaignStore store,
            CampaignSettings settings,
            UnitService units,
            ReportIndex index,
            ReportService reports,
            ReportVariables variables,
            RuntimeService runtimeService,
            TaskService taskService,
            UserDirectory users,
            JixiaoProperties properties,
            CampaignMessenger messenger,
            ReportFigures figures,
            TemplateCatalog templates) {
        this.store = store;
        this.templates = templates;
        this.figures = figures;
        this.settings = settings;
        this.units = units;
        this.index = index;
        this.reports = reports;
        this.variables = variables;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.users = users;
        this.properties = properties;
        this.messenger = messenger;
    }

    // ------------------------------------------------------------------ what the web layer asks

    /**
     * A campaign as asked for: 年度, 截止日期, 通知内容 and optionally the units (default every registered unit), the
     * 评分模板 (default national) and the 报告范围 (default department) of the reports it starts.
     */
    public record Request(
            Integer fiscalYear, String deadline, String notice, List<String> units, String profile, String scope) {

        /** Without 评分模板 and 报告范围: the national template, whole department reports. */
        public Request(Integer fiscalYear, String deadline, String notice, List<String> units) {
            this(fiscalYear, deadline, notice, units, null, null);
        }
    }

    /**
     * Starts the campaign's process as the given finance user (the start listener checks and records it, as when
     * started from the Tasklist); returns its id.
     */
    public String start(Request request, CurrentUser user) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(FISCAL_YEAR, request.fiscalYear());
        vars.put(DEADLINE, request.deadline());
        vars.put(NOTICE, request.notice());
        vars.put(UNITS, request.units() == null ? "" : String.join(",", request.units()));
        if (request.profile() != null) {
            vars.put(PROFILE, request.profile());
        }
        if (request.scope() != null) {
            vars.put(SCOPE, request.scope());
        }
        return users.as(
                user,
                () -> runtimeService
                        .startProcessInstanceByKey(ProcessVariables.CAMPAIGN_KEY, vars)
                        .getId());
    }

    /** Whether the user runs campaigns: the finance bureau and administrators. */
    public boolean runsCampaigns(CurrentUser user) {
        return user.isAdmin() || user.inGroup(properties.financeGroup());
    }

    /** One unit's line of the campaign's progress. */
    public record UnitProgress(
            String unitCode,
            String unitName,
            String supervisor,
            String stage,
            boolean overdue,
            LocalDate dueDate,
            Instant submittedAt,
            java.math.BigDecimal totalScore,
            String grade,
            String reportId) {}

    /** The campaign with counts by stage and one line per unit the user may see. */
    public record Progress(
            int fiscalYear,
            LocalDate deadline,
            String notice,
            String profile,
            String scope,
            Instant launchedAt,
            String instanceId,
            Map<String, Integer> stages,
            int overdue,
            List<UnitProgress> units) {}

    /** The progress of a year's campaign as the user may see it: everything for finance, the own units otherwise. */
    public Optional<Progress> progress(int fiscalYear, CurrentUser user) {
        Optional<CampaignStore.Campaign> found = store.find(fiscalYear);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CampaignStore.Campaign campaign = found.get();
        boolean everything = runsCampaigns(user);
        Map<String, Unit> register = new HashMap<>();
        units.all().forEach(u -> register.put(u.code(), u));
        Map<String, Integer> stages = new java.util.LinkedHashMap<>();
        for (String stage : List.of(
                "notStarted",
                Stage.DRAFTING,
                Stage.INTERNAL_REVIEW,
                Stage.FINANCE_REVIEW,
                Stage.ACCEPTED,
                Stage.PUBLISHED)) {
            stages.put(stage, 0);
        }
        int overdue = 0;
        List<UnitProgress> lines = new ArrayList<>();
        // The year's reports in one query, not one per unit (a county has hundreds of units, a province thousands).
        Map<String, ReportEntry> entries = new HashMap<>();
        reports.list(fiscalYear, null, null, new ReportIndex.Visibility(true, List.of(), false))
                .forEach(e -> entries.put(e.id(), e));
        Map<String, ReportFigures.Score> scores = figures.scoresOf(fiscalYear);
        for (CampaignStore.ScopeRow row : store.scope(fiscalYear)) {
            Optional<ReportEntry> entry =
                    row.reportId() == null ? Optional.empty() : Optional.ofNullable(entries.get(row.reportId()));
            String stage = entry.map(ReportEntry::stage).orElse("notStarted");
            stages.merge(stage, 1, Integer::sum);
            overdue += row.overdue() ? 1 : 0;
            if (!everything && !user.isMemberOfUnit(row.unitCode())) {
                continue;
            }
            Unit unit = register.get(row.unitCode());
            // 总分 and 等级 as recorded with the report's latest evaluation (none while it was never submitted).
            ReportFigures.Score score = row.reportId() == null ? null : scores.get(row.reportId());
            lines.add(new UnitProgress(
                    row.unitCode(),
                    unit == null ? row.unitCode() : unit.name(),
                    unit == null ? null : unit.supervisor(),
                    stage,
                    row.overdue(),
                    row.due(),
                    row.submittedAt(),
                    score == null ? null : score.totalScore(),
                    score == null ? null : score.grade(),
                    row.reportId()));
        }
        return Optional.of(new Progress(
                campaign.fiscalYear(),
                campaign.deadline(),
                campaign.notice(),
                campaign.profile() == null ? ScoringTemplate.DEFAULT_ID : campaign.profile(),
                campaign.reportScope() == null ? ReportScope.DEPARTMENT.key() : campaign.reportScope(),
                campaign.launchedAt(),
                campaign.instanceId(),
                stages,
                overdue,
                lines));
    }

    /**
     * Moves the deadline of the whole campaign (no units named) or of the named units: their due dates and the due
     * dates of their open drafting tasks move, and the campaign's timer is planned again. An overdue mark made
     * before stays.
     */
    public void moveDeadline(int fiscalYear, String deadlineText, List<String> unitCodes) {
        CampaignStore.Campaign campaign = store.find(fiscalYear)
                .orElseThrow(() -> new InputRefused(FISCAL_YEAR, "「年度」" + fiscalYear + "年度尚未下发自评工作"));
        LocalDate deadline = deadline(deadlineText);
        List<String> scope = store.scope(fiscalYear).stream()
                .map(CampaignStore.ScopeRow::unitCode)
                .toList();
        List<String> moved;
        if (unitCodes == null || unitCodes.isEmpty()) {
            store.setDeadline(fiscalYear, deadline);
            moved = scope;
        } else {
            List<String> unknown =
                    unitCodes.stream().filter(code -> !scope.contains(code)).toList();
            if (!unknown.isEmpty()) {
                throw new InputRefused(UNITS, "「单位」" + String.join("、", unknown) + "不在" + fiscalYear + "年度自评工作的范围内");
            }
            moved = unitCodes;
        }
        store.setDue(fiscalYear, moved, deadline);
        for (String code : moved) {
            store.scopeRow(fiscalYear, code)
                    .map(CampaignStore.ScopeRow::reportId)
                    .ifPresent(reportId -> dueOnOpenTasks(reportId, deadline));
        }
        replan(campaign);
    }

    /** Adds units registered after the launch; they are launched by the campaign's next run. Returns how many. */
    public int addUnits(int fiscalYear, List<String> unitCodes) {
        CampaignStore.Campaign campaign = store.find(fiscalYear)
                .orElseThrow(() -> new InputRefused(FISCAL_YEAR, "「年度」" + fiscalYear + "年度尚未下发自评工作"));
        List<String> codes = registered(unitCodes == null ? List.of() : unitCodes);
        if (codes.isEmpty()) {
            throw new InputRefused(UNITS, "「单位」请至少填写一个单位编码");
        }
        int added = store.addUnits(fiscalYear, codes, campaign.deadline(), now());
        if (added > 0) {
            replan(campaign);
        }
        return added;
    }

    private void replan(CampaignStore.Campaign campaign) {
        if (campaign.instanceId() == null) {
            return;
        }
        long waiting = runtimeService
                .createEventSubscriptionQuery()
                .processInstanceId(campaign.instanceId())
                .eventType("message")
                .eventName(MESSAGE_REPLAN)
                .count();
        if (waiting > 0) {
            runtimeService
                    .createMessageCorrelation(MESSAGE_REPLAN)
                    .processInstanceId(campaign.instanceId())
                    .correlate();
        }
        // Otherwise the campaign is launching (and plans afterwards) or over; its next run reads the new dates.
    }

    // ------------------------------------------------------------------ what the campaign's process does

    /** The start event: checks who starts what, records the campaign and its scope. */
    int open(
            String instanceId,
            Object fiscalYearValue,
            Object deadlineValue,
            Object noticeValue,
            Object unitsValue,
            Object profileValue,
            Object scopeValue,
            Optional<CurrentUser> starter) {
        if (starter.isPresent() && !runsCampaigns(starter.get())) {
            throw new AuthorizationException("只有财政局可以下发年度绩效自评工作");
        }
        int fiscalYear = fiscalYear(fiscalYearValue);
        LocalDate deadline = deadline(deadlineValue == null ? null : deadlineValue.toString());
        if (deadline.isBefore(LocalDate.now(settings.zone()))) {
            throw new InputRefused(DEADLINE, "「截止日期」不能早于今天（实填" + deadline + "）");
        }
        String notice = noticeValue == null ? "" : noticeValue.toString().trim();
        if (notice.length() > NOTICE_MAX) {
            throw new InputRefused(NOTICE, "「通知内容」不能超过" + NOTICE_MAX + "个字符");
        }
        String profile = profile(profileValue);
        String reportScope = reportScope(scopeValue);
        List<String> named = codes(unitsValue);
        List<String> scope =
                named.isEmpty() ? units.all().stream().map(Unit::code).toList() : registered(named);
        if (scope.isEmpty()) {
            throw new InputRefused(UNITS, "「单位」尚无登记的单位，请先在单位管理中登记");
        }
        Optional<CampaignStore.Campaign> existing = store.find(fiscalYear);
        if (existing.isPresent()
                || !store.create(
                        fiscalYear,
                        instanceId,
                        deadline,
                        notice,
                        profile,
                        reportScope,
                        starter.map(CurrentUser::id).orElse(null),
                        now())) {
            throw new Conflict(
                    fiscalYear + "年度的绩效自评工作已经下发（"
                            + existing.map(c -> "截止日期" + c.deadline()).orElse("") + "），不能重复下发；如需调整请修改截止日期或增加单位",
                    existing.map(CampaignStore.Campaign::instanceId).orElse(null));
        }
        store.addUnits(fiscalYear, scope, deadline, now());
        return fiscalYear;
    }

    /**
     * One launch batch: starts (or adopts) the reports of the next units without one. Returns true when every unit in
     * scope has its report. Each batch is one transaction; a crash repeats at most the batch it was in.
     */
    boolean launchBatch(int fiscalYear) {
        CampaignStore.Campaign campaign = store.find(fiscalYear).orElseThrow();
        for (CampaignStore.ScopeRow row : store.notLaunched(fiscalYear, settings.launchBatch())) {
            Optional<ReportEntry> existing = index.findByUnitAndYear(row.unitCode(), fiscalYear);
            if (existing.isPresent()) {
                // A unit that started its own report before the launch keeps it: the campaign adopts it.
                store.setReport(fiscalYear, row.unitCode(), existing.get().id());
                dueOnOpenTasks(existing.get().id(), row.due());
                continue;
            }
            Optional<Unit> unit = units.find(row.unitCode());
            if (unit.isEmpty()) {
                LOG.warn("campaign {}: unit {} is no longer registered; skipped", fiscalYear, row.unitCode());
                store.setReport(fiscalYear, row.unitCode(), "");
                continue;
            }
            store.setReport(fiscalYear, row.unitCode(), startReport(unit.get(), fiscalYear, campaign));
        }
        boolean done = store.notLaunchedCount(fiscalYear) == 0;
        if (done) {
            store.launched(fiscalYear, now());
        }
        return done;
    }

    private String startReport(Unit unit, int fiscalYear, CampaignStore.Campaign campaign) {
        String notice = campaign.notice();
        Map<String, Object> vars = new HashMap<>();
        vars.put(ProcessVariables.FISCAL_YEAR, fiscalYear);
        vars.put(ProcessVariables.UNIT_CODE, unit.code());
        // The campaign's 评分模板 and 报告范围 go into every report it starts (the report JSON's profile and scope).
        if (campaign.profile() != null) {
            vars.put(ProcessVariables.PROFILE, campaign.profile());
        }
        ReportScope scope = ReportScope.of(campaign.reportScope());
        if (campaign.reportScope() != null) {
            vars.put(ProcessVariables.SCOPE, scope.key());
        }
        if (notice != null && !notice.isBlank()) {
            vars.put(ProcessVariables.CAMPAIGN_NOTICE, notice);
        }
        index.lastFinishedBefore(unit.code(), fiscalYear)
                .flatMap(earlier -> reports.find(earlier.id()))
                .map(record -> CarryForward.from(record.report()))
                .ifPresent(sections -> sections.forEach((name, value) -> {
                    // A report of the projects alone carries no department section forward.
                    if (Section.byKey(name).map(scope::has).orElse(true)) {
                        vars.put(name, variables.json(value));
                    }
                }));
        return runtimeService
                .startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, unit.code() + "-" + fiscalYear, vars)
                .getId();
    }

    /** The due date of the open drafting tasks of a report (tasks created later read it from the campaign). */
    private void dueOnOpenTasks(String reportId, LocalDate due) {
        Date dueAt = Date.from(settings.schedule().overdueFrom(due).minusSeconds(1));
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceId(carryingInstance(reportId))
                .list()) {
            if (DRAFTING_TASKS.contains(task.getTaskDefinitionKey())) {
                task.setDueDate(dueAt);
                taskService.saveTask(task);
            }
        }
    }

    /** The due date for a report's task as the BPMN asks it: the end of the unit's due date, or none. */
    public Date dueOf(String unitCode, int fiscalYear) {
        return store.scopeRow(fiscalYear, unitCode)
                .map(row -> Date.from(settings.schedule().overdueFrom(row.due()).minusSeconds(1)))
                .orElse(null);
    }

    /** A report reached the unit's leader: the campaign notes the first submission. */
    public void submitted(String unitCode, int fiscalYear) {
        store.submitted(fiscalYear, unitCode, now());
    }

    /**
     * Everything that fell due since the last tick: reminders to units that have not submitted, overdue marks on
     * units that have not submitted by their due date (one summary to the finance bureau).
     */
    void tick(int fiscalYear) {
        CampaignStore.Campaign campaign = store.find(fiscalYear).orElseThrow();
        // A campaign of the tables alone names the 项目支出绩效自评表 in its comments and messages.
        boolean tablesOnly = ReportScope.of(campaign.reportScope()) == ReportScope.PROJECTS;
        Instant now = now();
        CampaignSchedule schedule = settings.schedule();
        Map<String, CampaignStore.ScopeRow> scope = new HashMap<>();
        store.scope(fiscalYear).forEach(row -> scope.put(row.unitCode(), row));
        List<String> newlyOverdue = new ArrayList<>();
        for (CampaignSchedule.Event event : schedule.dueBetween(campaign.handledUpTo(), now, dues(scope.values()))) {
            CampaignStore.ScopeRow row = scope.get(event.unitCode());
            if (submitted(row)) {
                continue;
            }
            Unit unit = units.find(row.unitCode()).orElse(new Unit(row.unitCode(), row.unitCode(), null));
            if (event.kind() == CampaignSchedule.Kind.REMINDER) {
                // A reminder whose moment passed while nothing ran is not sent once the unit is already late.
                if (!now.isBefore(schedule.overdueFrom(row.due()))) {
                    continue;
                }
                if (store.reminderSent(fiscalYear, row.unitCode(), event.daysBefore(), now)) {
                    long daysLeft = schedule.daysLeft(now, row.due());
                    String text = "【催报】" + unit.name() + fiscalYear + "年度"
                            + (tablesOnly ? "项目支出绩效自评表" : "部门整体支出绩效自评报告")
                            + "尚未提交，距截止日期（"
                            + CampaignTexts.date(row.due()) + "）还有" + daysLeft + "天，请抓紧填写并提交单位负责人审核。";
                    commentOnOpenTasks(row.reportId(), text);
                    messenger.remind(unit, fiscalYear, row.due(), daysLeft, campaign.notice(), tablesOnly);
                }
            } else if (store.markOverdue(fiscalYear, row.unitCode(), now)) {
                newlyOverdue.add(unit.name());
                commentOnOpenTasks(
                        row.reportId(),
                        "【逾期】" + unit.name() + fiscalYear + "年度自评报告已超过截止日期（" + CampaignTexts.date(row.due())
                                + "）仍未提交，请尽快提交；逾期情况已记录。");
                messenger.overdue(unit, fiscalYear, row.due(), tablesOnly);
            }
        }
        if (!newlyOverdue.isEmpty()) {
            messenger.overdueSummary(fiscalYear, campaign.deadline(), newlyOverdue, tablesOnly);
        }
        store.handledUpTo(fiscalYear, now);
    }

    /** When the campaign's timer fires next: the next reminder or overdue check, or the close of the campaign. */
    Date nextTimer(int fiscalYear) {
        CampaignStore.Campaign campaign = store.find(fiscalYear).orElseThrow();
        List<CampaignSchedule.UnitDue> dues = dues(store.scope(fiscalYear));
        return Date.from(settings.schedule().next(campaign.handledUpTo(), dues).orElse(closing(campaign, dues)));
    }

    /** The campaign is over once nothing is left to remind or mark and its closing moment has passed. */
    boolean finished(int fiscalYear) {
        CampaignStore.Campaign campaign = store.find(fiscalYear).orElseThrow();
        List<CampaignSchedule.UnitDue> dues = dues(store.scope(fiscalYear));
        return settings.schedule().next(campaign.handledUpTo(), dues).isEmpty()
                && !campaign.handledUpTo().isBefore(closing(campaign, dues));
    }

    /** A campaign stays open (for extensions and late units) until 90 days after its last due date. */
    private Instant closing(CampaignStore.Campaign campaign, List<CampaignSchedule.UnitDue> dues) {
        LocalDate last = dues.stream()
                .map(CampaignSchedule.UnitDue::due)
                .max(LocalDate::compareTo)
                .orElse(campaign.deadline());
        return settings.schedule().overdueFrom(last.plusDays(90));
    }

    private static List<CampaignSchedule.UnitDue> dues(java.util.Collection<CampaignStore.ScopeRow> rows) {
        return rows.stream()
                .map(r -> new CampaignSchedule.UnitDue(r.unitCode(), r.due()))
                .toList();
    }

    private boolean submitted(CampaignStore.ScopeRow row) {
        if (row.submittedAt() != null) {
            return true;
        }
        if (row.reportId() == null || row.reportId().isEmpty()) {
            return false;
        }
        return reports.entry(row.reportId())
                .map(e -> !Stage.DRAFTING.equals(e.stage()))
                .orElse(false);
    }

    private void commentOnOpenTasks(String reportId, String text) {
        if (reportId == null || reportId.isEmpty()) {
            return;
        }
        String instance = carryingInstance(reportId);
        for (Task task :
                taskService.createTaskQuery().processInstanceId(instance).list()) {
            if (DRAFTING_TASKS.contains(task.getTaskDefinitionKey())) {
                taskService.createComment(task.getId(), instance, text);
            }
        }
    }

    /** The process instance carrying the report now: a later one while a published report is being corrected. */
    private String carryingInstance(String reportId) {
        return reports.entry(reportId).map(ReportEntry::processInstanceId).orElse(reportId);
    }

    // ------------------------------------------------------------------ input

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static int fiscalYear(Object value) {
        return cn.jixiao.report.FiscalYear.read(value)
                .orElseThrow(() -> new InputRefused(FISCAL_YEAR, cn.jixiao.report.FiscalYear.problem(value)));
    }

    private static LocalDate deadline(String text) {
        if (text == null || text.isBlank()) {
            throw new InputRefused(DEADLINE, "「截止日期」不能为空");
        }
        String trimmed = text.trim();
        try {
            // The Tasklist's date field sends 2024-03-31; an ISO date-time is read for its date.
            return LocalDate.parse(trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed);
        } catch (DateTimeParseException e) {
            throw new InputRefused(DEADLINE, "「截止日期」应为日期，如 2024-03-31（实填" + trimmed + "）");
        }
    }

    private static List<String> codes(Object value) {
        Set<String> codes = new LinkedHashSet<>();
        if (value instanceof java.util.Collection<?> list) {
            list.forEach(v -> codes.add(String.valueOf(v).trim()));
        } else if (value != null) {
            for (String code : value.toString().split("[,，、;；\\s]+")) {
                codes.add(code.trim());
            }
        }
        codes.remove("");
        return new ArrayList<>(codes);
    }

    /**
     * 评分模板: blank means national (stored as none, so the reports name no template, as before); otherwise a template
     * that exists now, built in or deployed.
     */
    private String profile(Object value) {
        String id = value == null ? "" : value.toString().trim();
        if (id.isEmpty()) {
            return null;
        }
        if (templates.find(id).isEmpty()) {
            throw new InputRefused(PROFILE, "「评分模板」" + id + "不存在（内置：national 全国通用、sichuan 四川省；其他模板须由管理员部署后才能使用）");
        }
        return id;
    }

    /** 报告范围: blank means the whole department report; otherwise department or projects. */
    private static String reportScope(Object value) {
        String key = value == null ? "" : value.toString().trim();
        if (key.isEmpty()) {
            return null;
        }
        return ReportScope.byKey(key)
                .map(ReportScope::key)
                .orElseThrow(() ->
                        new InputRefused(SCOPE, "「报告范围」应为 department（部门整体）或 projects（仅项目支出绩效自评表）（实填" + key + "）"));
    }

    private List<String> registered(List<String> codes) {
        List<String> unknown =
                codes.stream().filter(code -> units.find(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InputRefused(UNITS, "「单位」" + String.join("、", unknown) + "未登记，请核对单位编码");
        }
        return codes;
    }
}
