package cn.jixiao.web;

import cn.jixiao.security.UserDirectory;
import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Units as managed data: an administrator adds a unit, and its groups and rights come with it. */
@RestController
@RequestMapping(path = "/api/units", produces = MediaType.APPLICATION_JSON_VALUE)
class UnitController {

    private static final String CODE_PATTERN = "[A-Za-z0-9_-]{1,64}";

    private final UnitService units;
    private final UserDirectory users;

    UnitController(UnitService units, UserDirectory users) {
        this.units = units;
        this.users = users;
    }

    /** A unit as the API shows it, with the groups to which Camunda Admin adds its people. */
    public record UnitView(String code, String name, String supervisor, String clerkGroup, String leaderGroup) {
        static UnitView of(Unit unit) {
            return new UnitView(unit.code(), unit.name(), unit.supervisor(), unit.clerkGroupId(), unit.leaderGroupId());
        }
    }

    public record NewUnit(String code, String name, String supervisor) {}

    @GetMapping
    public List<UnitView> list(Authentication authentication) {
        requireAdmin(authentication);
        return units.all().stream().map(UnitView::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<UnitView> add(@RequestBody NewUnit body, Authentication authentication) {
        requireAdmin(authentication);
        if (body == null || body.code() == null || !body.code().matches(CODE_PATTERN)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "「单位编码」必填，只能包含字母、数字、连字符和下划线，最长64个字符");
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "「单位名称」必填，最长200个字符");
        }
        if (body.name().matches(".*[<>\\[\\]].*")) {
            // The name is shown inside forms and documents, where these would be read as markup (links, images).
            throw new ApiException(HttpStatus.BAD_REQUEST, "「单位名称」不能包含 < > [ ] 等标记符号");
        }
        Unit unit = units.register(new Unit(
                body.code(),
                body.name().trim(),
                body.supervisor() == null || body.supervisor().isBlank()
                        ? null
                        : body.supervisor().trim()));
        return ResponseEntity.created(URI.create("/api/units/" + unit.code())).body(UnitView.of(unit));
    }

    private void requireAdmin(Authentication authentication) {
        if (!users.current(authentication).isAdmin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "只有系统管理员可以管理单位");
        }
    }
}
