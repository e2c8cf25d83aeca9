package cn.jixiao.web;

import cn.jixiao.security.UserDirectory;
import cn.jixiao.storage.DatabaseBackup;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/backups}: an administrator backs up the embedded database while the application runs. */
@RestController
class BackupController {

    private final DatabaseBackup backup;
    private final UserDirectory users;

    BackupController(DatabaseBackup backup, UserDirectory users) {
        this.backup = backup;
        this.users = users;
    }

    @PostMapping(path = "/api/admin/backups", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> create(Authentication authentication) {
        if (!users.current(authentication).isAdmin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "只有系统管理员可以备份数据库");
        }
        try {
            DatabaseBackup.Written written = backup.backUp();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("file", written.file().toString());
            body.put("bytes", written.bytes());
            return ResponseEntity.status(HttpStatus.CREATED).body(body);
        } catch (DatabaseBackup.NotPossible e) {
            throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
        }
    }
}
