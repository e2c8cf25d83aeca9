package cn.jixiao.web;

import cn.jixiao.record.ReportAccessPolicy;
import cn.jixiao.record.ReportEntry;
import cn.jixiao.record.Stage;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UserDirectory;
import cn.jixiao.workflow.ReportDocuments;
import cn.jixiao.workflow.ReportDocuments.Docx;
import cn.jixiao.workflow.ReportService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report's .docx for its unit and the finance bureau: the published document once published, before that a
 * preview of the current draft marked 草稿, so reviewers read exactly what will be published.
 */
@RestController
class DocumentController {

    private final ReportService reports;
    private final ReportDocuments documents;
    private final UserDirectory users;
    private final ReportAccessPolicy policy;

    DocumentController(
            ReportService reports, ReportDocuments documents, UserDirectory users, ReportAccessPolicy policy) {
        this.reports = reports;
        this.documents = documents;
        this.users = users;
        this.policy = policy;
    }

    @GetMapping("/api/reports/{id}/document")
    public ResponseEntity<byte[]> document(@PathVariable String id, Authentication authentication) {
        CurrentUser user = users.current(authentication);
        ReportEntry entry =
                reports.entry(id).filter(e -> policy.canRead(user, e)).orElseThrow(ApiException::notFound);
        Docx docx = Stage.PUBLISHED.equals(entry.stage())
                ? documents.published(id).orElseThrow(ApiException::notFound)
                : documents.preview(reports.find(id).orElseThrow(ApiException::notFound));
        return asDownload(docx);
    }

    static ResponseEntity<byte[]> asDownload(Docx docx) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ReportDocuments.MIME_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(docx.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(docx.content());
    }
}
