package cn.jixiao.web;

import cn.jixiao.campaign.CampaignService;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.security.UserDirectory;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * 年度绩效自评工作 over HTTP: the finance bureau launches a fiscal year, moves its deadline, adds units; everyone
 * signed in reads its progress — the finance bureau and administrators every unit, a unit's people their own line.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final CampaignService campaigns;
    private final UserDirectory users;

    CampaignController(CampaignService campaigns, UserDirectory users) {
        this.campaigns = campaigns;
        this.users = users;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> launch(
            @RequestBody CampaignService.Request request, Authentication authentication) {
        CurrentUser user = financeOnly(authentication);
        String id = campaigns.start(request, user);
        return ResponseEntity.created(URI.create("/api/campaigns/" + request.fiscalYear()))
                .body(Map.of("id", id, "fiscalYear", request.fiscalYear()));
    }

    @GetMapping("/{fiscalYear}")
    public CampaignService.Progress progress(@PathVariable int fiscalYear, Authentication authentication) {
        return campaigns
                .progress(fiscalYear, users.current(authentication))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, fiscalYear + "年度尚未下发绩效自评工作", List.of()));
    }

    /** 延期: {"deadline": "2024-04-15", "units": [codes]} — no units means the whole campaign. */
    public record DeadlineChange(String deadline, List<String> units) {}

    @PostMapping(path = "/{fiscalYear}/deadline", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> moveDeadline(
            @PathVariable int fiscalYear, @RequestBody DeadlineChange change, Authentication authentication) {
        financeOnly(authentication);
        campaigns.moveDeadline(fiscalYear, change.deadline(), change.units());
        return ResponseEntity.noContent().build();
    }

    /** Units registered after the launch: {"units": [codes]}. */
    public record UnitsToAdd(List<String> units) {}

    @PostMapping(path = "/{fiscalYear}/units", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Integer> addUnits(
            @PathVariable int fiscalYear, @RequestBody UnitsToAdd body, Authentication authentication) {
        financeOnly(authentication);
        return Map.of("added", campaigns.addUnits(fiscalYear, body.units()));
    }

    private CurrentUser financeOnly(Authentication authentication) {
        CurrentUser user = users.current(authentication);
        if (!campaigns.runsCampaigns(user)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "只有财政局可以下发和调整年度绩效自评工作", List.of());
        }
        return user;
    }
}
