package cn.jixiao.board;

import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UserDirectory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * 报送进度 over HTTP, signed in with the Tasklist's own session (BoardSecurity): /board takes the finance bureau to
 * the latest year's board and a unit's people to 本单位; /board/{year} is the board (403 for everyone else);
 * /board/unit the 本单位 view. Thin: BoardService does the work.
 */
@RestController
class BoardController {

    private final BoardService board;
    private final UserDirectory users;

    BoardController(BoardService board, UserDirectory users) {
        this.board = board;
        this.users = users;
    }

    @GetMapping("/board")
    ResponseEntity<String> start(Authentication authentication) {
        CurrentUser user = users.current(authentication);
        if (!board.seesBoard(user)) {
            return redirect("/board/unit");
        }
        return board.latestYear()
                .map(year -> redirect("/board/" + year))
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, "尚未下发任何年度的绩效自评工作，暂无报送进度。"));
    }

    @GetMapping("/board/{fiscalYear:\\d{4}}")
    ResponseEntity<String> board(
            @PathVariable int fiscalYear,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String overdue,
            @RequestParam(required = false) String supervisor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String page,
            Authentication authentication) {
        CurrentUser user = users.current(authentication);
        if (!board.seesBoard(user)) {
            return page(HttpStatus.FORBIDDEN, "报送进度仅供财政局和系统管理员查看；本单位的情况请看「本单位绩效自评」。");
        }
        return board.board(fiscalYear, BoardQuery.read(stage, overdue, supervisor, q, sort, dir, page), user)
                .map(BoardController::html)
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, fiscalYear + "年度尚未下发绩效自评工作。"));
    }

    @GetMapping("/board/unit")
    ResponseEntity<String> unit(Authentication authentication) {
        return html(board.unitView(users.current(authentication)));
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    private static ResponseEntity<String> redirect(String path) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(path))
                .build();
    }

    /** A short Chinese page for 403 and 404, with the way back to the Tasklist and to 本单位. */
    private static ResponseEntity<String> page(HttpStatus status, String message) {
        String text = HtmlUtils.htmlEscape(message, "UTF-8");
        String body = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8"><title>%d %s</title>
        <style>body{font-family:sans-serif;margin:2em;line-height:1.6}h1{font-size:1.3em}</style></head>
        <body><h1>%s</h1><p>错误代码 %d。<a href="/camunda/app/tasklist/">返回任务列表</a> · <a href="/board/unit">本单位绩效自评</a></p>
        </body></html>
        """.formatted(status.value(), text, text, status.value());
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(body);
    }
}
