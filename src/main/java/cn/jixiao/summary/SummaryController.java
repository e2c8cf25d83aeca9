package cn.jixiao.summary;

import cn.jixiao.campaign.CampaignService;
import cn.jixiao.security.UserDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/campaigns/{year}/summary.xlsx: the year's 汇总表 for the finance bureau and administrators (403 for
 * everyone else, 404 for a year without a campaign), named 「2023年度部门整体支出绩效自评汇总表.xlsx」 (RFC 5987).
 */
@RestController
class SummaryController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SummaryService summaries;
    private final CampaignService campaigns;
    private final UserDirectory users;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    SummaryController(
            SummaryService summaries,
            CampaignService campaigns,
            UserDirectory users,
            com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.mapper = mapper;
        this.summaries = summaries;
        this.campaigns = campaigns;
        this.users = users;
    }

    @GetMapping("/api/campaigns/{fiscalYear}/summary.xlsx")
    ResponseEntity<byte[]> summary(@PathVariable int fiscalYear, Authentication authentication) throws IOException {
        if (!campaigns.runsCampaigns(users.current(authentication))) {
            return refusal(HttpStatus.FORBIDDEN, "汇总表仅供财政局和系统管理员下载");
        }
        if (!summaries.hasCampaign(fiscalYear)) {
            return refusal(HttpStatus.NOT_FOUND, fiscalYear + "年度尚未下发绩效自评工作");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        summaries.write(fiscalYear, out);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fiscalYear))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toByteArray());
    }

    /** The API's error shape, {"message": "…"}, in Chinese (this layer stays below web/ and its error handler). */
    private ResponseEntity<byte[]> refusal(HttpStatus status, String message) {
        try {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(mapper.writeValueAsBytes(java.util.Map.of("message", message)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * attachment with the Chinese name as RFC 5987's {@code filename*} (UTF-8, percent-encoded), which every current
     * browser uses, and an ASCII {@code filename} for the rest (RFC 6266).
     */
    static String contentDisposition(int fiscalYear) {
        String encoded = java.net.URLEncoder.encode(SummaryService.fileName(fiscalYear), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "attachment; filename=\"" + fiscalYear + "-summary.xlsx\"; filename*=UTF-8''" + encoded;
    }
}
