package cn.jixiao.web;

import cn.jixiao.engine.InputRefused;
import cn.jixiao.record.ReportAccessPolicy;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.ReportRecord;
import cn.jixiao.report.Violation;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UserDirectory;
import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import cn.jixiao.workflow.CorrectionRefused;
import cn.jixiao.workflow.Corrections;
import cn.jixiao.workflow.ReportService;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports API: start a report from JSON, read one, list what the caller may see, correct a published one. */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
class ReportController {

    private final ReportBodyValidation bodies;
    private final ReportService reports;
    private final UnitService units;
    private final UserDirectory users;
    private final ReportAccessPolicy policy;

    ReportController(
            ReportBodyValidation bodies,
            ReportService reports,
            UnitService units,
            UserDirectory users,
            ReportAccessPolicy policy) {
        this.bodies = bodies;
        this.reports = reports;
        this.units = units;
        this.users = users;
        this.policy = policy;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> start(@RequestBody JsonNode body, Authentication authentication) {
        JsonNode report = bodies.requireValid(body);
        String unitCode = report.path("unit").path("code").asText();
        // Rights first: an unregistered unit and another unit's are refused alike, so codes cannot be probed.
        CurrentUser user = users.current(authentication);
        if (!policy.canStart(user, unitCode)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "您不是该单位的经办人，不能为其发起报告");
        }
        Unit unit = units.find(unitCode)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "单位未登记",
                        List.of(new Violation("/unit/code", "「单位编码」" + unitCode + "未登记，请联系管理员"))));
        String name = report.path("unit").path("name").asText();
        if (!unit.name().equals(name)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "单位名称与登记不一致",
                    List.of(new Violation("/unit/name", "「单位名称」应与登记的名称一致：" + unit.name() + "（实填" + name + "）")));
        }
        String id = reports.start(report, user);
        return ResponseEntity.created(URI.create("/api/reports/" + id)).body(Map.of("id", id));
    }

    /**
     * One line of a report list. {@code publishedOn} is the latest publication, {@code firstPublishedOn} the first;
     * {@code correcting}: taken off the public page for a correction (更正中) and not yet published again.
     */
    public record ReportListItem(
            String id,
            int fiscalYear,
            String unitCode,
            String unitName,
            String stage,
            java.time.Instant startedAt,
            java.time.LocalDate publishedOn,
            java.time.LocalDate firstPublishedOn,
            boolean correcting,
            int corrections) {}

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id, Authentication authentication) {
        ReportRecord record = readable(id, authentication);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", record.id());
        body.put("stage", record.stage());
        body.put("correcting", record.entry().correcting());
        body.put("corrections", record.entry().corrections());
        body.put("publishedOn", record.entry().publishedOn());
        body.put("firstPublishedOn", record.entry().firstPublishedOn());
        body.put("report", record.report());
        body.put("comments", record.comments());
        return body;
    }

    /**
     * 更正 a published report: the finance bureau and administrators only (403 for everyone else, whatever the id);
     * a report the caller may not read is 404; 更正原因 is required (400 naming it); a report that is not published
     * now, or is being corrected already, is 409. On success (202: the correction is under way, not finished) the report
     * is off the public page at once and back with its unit's clerks, with the published content and the reason; it is
     * published again (已更正, with both dates) when the finance bureau accepts it once more.
     */
    @PostMapping(path = "/{id}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> correct(
            @PathVariable String id, @RequestBody(required = false) JsonNode body, Authentication authentication) {
        CurrentUser user = users.current(authentication);
        if (!policy.canCorrect(user)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "只有财政局审核人员或管理员可以更正已公开的报告");
        }
        ReportEntry entry =
                reports.entry(id).filter(e -> policy.canRead(user, e)).orElseThrow(ApiException::notFound);
        JsonNode given = body != null && body.isObject() ? body.get("reason") : null;
        Object reason = given == null || given.isNull() ? null : given.isTextual() ? given.asText() : given;
        Corrections.reasonProblem(reason).ifPresent(problem -> {
            throw new ApiException(HttpStatus.BAD_REQUEST, problem, List.of(new Violation("/reason", problem)));
        });
        Corrections.refusal(entry).ifPresent(refusal -> {
            throw new ApiException(HttpStatus.CONFLICT, refusal.message());
        });
        String processInstanceId;
        try {
            processInstanceId = reports.requestCorrection(entry.id(), ((String) reason).strip(), user);
        } catch (CorrectionRefused refused) {
            throw new ApiException(
                    refused.refusal() == Corrections.Refusal.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
                    refused.refusal().message());
        } catch (InputRefused refused) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    refused.getMessage(),
                    List.of(new Violation("/reason", refused.getMessage())));
        }
        ReportEntry now = reports.entry(entry.id()).orElseThrow(ApiException::notFound);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", now.id());
        answer.put("stage", now.stage());
        answer.put("correcting", now.correcting());
        answer.put("corrections", now.corrections());
        answer.put("processInstanceId", processInstanceId);
        answer.put("message", "已发起更正：报告已撤下公开页面，退回单位修改；经单位负责人和财政局审核通过后重新公开");
        return ResponseEntity.accepted()
                .location(URI.create("/api/reports/" + now.id()))
                .body(answer);
    }

    /** The evaluation stored by 计算得分与校验 at the last submission (docs/RULES.md shape). */
    @GetMapping("/{id}/evaluation")
    public JsonNode evaluation(@PathVariable String id, Authentication authentication) {
        ReportRecord record = readable(id, authentication);
        if (record.evaluation() == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "该报告尚未提交，还没有得分与校验结果");
        }
        return record.evaluation();
    }

    @GetMapping
    public List<ReportListItem> list(
            @RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String stage,
            Authentication authentication) {
        CurrentUser user = users.current(authentication);
        List<ReportEntry> entries = reports.list(fiscalYear, unit, stage, policy.visibility(user));
        Map<String, String> names =
                units.names(entries.stream().map(ReportEntry::unitCode).collect(Collectors.toSet()));
        return entries.stream()
                .map(e -> new ReportListItem(
                        e.id(),
                        e.fiscalYear(),
                        e.unitCode(),
                        names.get(e.unitCode()),
                        e.stage(),
                        e.startedAt(),
                        e.publishedOn(),
                        e.firstPublishedOn(),
                        e.correcting(),
                        e.corrections()))
                .toList();
    }

    /** The report if the caller may read it; otherwise 404, so that no one learns which ids exist. */
    private ReportRecord readable(String id, Authentication authentication) {
        CurrentUser user = users.current(authentication);
        if (reports.entry(id).filter(e -> policy.canRead(user, e)).isEmpty()) {
            throw ApiException.notFound();
        }
        return reports.find(id).orElseThrow(ApiException::notFound);
    }
}
