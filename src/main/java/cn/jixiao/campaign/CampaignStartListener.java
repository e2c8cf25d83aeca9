package cn.jixiao.campaign;

import cn.jixiao.security.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The campaign's start event, from the Tasklist's start dialog or {@code POST /api/campaigns}: only the finance
 * bureau may start it, one per fiscal year, and it records the campaign with its scope (units), its 评分模板 and
 * 报告范围 before anything is launched.
 */
@Component("campaignStartListener")
class CampaignStartListener implements ExecutionListener {

    private final CampaignService campaigns;
    private final UserDirectory users;

    CampaignStartListener(CampaignService campaigns, UserDirectory users) {
        this.campaigns = campaigns;
        this.users = users;
    }

    @Override
    public void notify(DelegateExecution execution) {
        int year = campaigns.open(
                execution.getProcessInstanceId(),
                execution.getVariable(CampaignService.FISCAL_YEAR),
                execution.getVariable(CampaignService.DEADLINE),
                execution.getVariable(CampaignService.NOTICE),
                execution.getVariable(CampaignService.UNITS),
                execution.getVariable(CampaignService.PROFILE),
                execution.getVariable(CampaignService.SCOPE),
                users.authenticated());
        execution.setVariable(CampaignService.FISCAL_YEAR, year);
        execution.setProcessBusinessKey("campaign-" + year);
    }
}
