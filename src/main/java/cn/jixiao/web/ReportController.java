package cn.jixiao.web;

import cn.jixiao.report.Violation;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.ReportAccessPolicy;
import cn.jixiao.security.UserDirectory;
import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import cn.jixiao.workflow.ReportRecord;
import cn.jixiao.workflow.ReportService;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** The reports API: start a report from JSON, read one, list what the caller may see. */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReportController {

  private final ReportBodyValidation bodies;
  private final ReportService reports;
  private final UnitService units;
  private final UserDirectory users;
  private final ReportAccessPolicy policy;

  public ReportController(ReportBodyValidation bodies, ReportService reports, UnitService units, UserDirectory users,
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
    CurrentUser user = users.load(authentication.getName());
    if (!policy.canStart(user, unitCode)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "您不是该单位的经办人，不能为其发起报告");
    }
    Unit unit = units.find(unitCode).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "单位未登记",
        List.of(new Violation("/unit/code", "「单位编码」" + unitCode + "未登记，请联系管理员"))));
    String name = report.path("unit").path("name").asText();
    if (!unit.name().equals(name)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "单位名称与登记不一致",
          List.of(new Violation("/unit/name", "「单位名称」应与登记的名称一致：" + unit.name() + "（实填" + name + "）")));
    }
    String id = reports.start(report, user);
    return ResponseEntity.created(URI.create("/api/reports/" + id)).body(Map.of("id", id));
  }

  /** One line of a report list. */
  public record ReportListItem(String id, int fiscalYear, String unitCode, String unitName, String stage,
      java.time.Instant startedAt, java.time.LocalDate publishedOn) {}

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable String id, Authentication authentication) {
    ReportRecord record = readable(id, authentication);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", record.id());
    body.put("stage", record.stage());
    body.put("report", record.report());
    body.put("comments", record.comments());
    return body;
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
  public List<ReportListItem> list(@RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) String unit, @RequestParam(required = false) String stage,
      Authentication authentication) {
    CurrentUser user = users.load(authentication.getName());
    Map<String, String> names = new java.util.HashMap<>();
    units.all().forEach(u -> names.put(u.code(), u.name()));
    return reports.list(fiscalYear, unit, stage, policy.visibility(user)).stream()
        .map(e -> new ReportListItem(e.id(), e.fiscalYear(), e.unitCode(), names.get(e.unitCode()), e.stage(),
            e.startedAt(), e.publishedOn()))
        .toList();
  }

  /** The report if the caller may read it; otherwise 404, so that no one learns which ids exist. */
  private ReportRecord readable(String id, Authentication authentication) {
    CurrentUser user = users.load(authentication.getName());
    if (reports.entry(id).filter(e -> policy.canRead(user, e)).isEmpty()) {
      throw ApiException.notFound();
    }
    return reports.find(id).orElseThrow(ApiException::notFound);
  }
}
