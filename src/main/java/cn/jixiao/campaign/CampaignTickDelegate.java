package cn.jixiao.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 催报与逾期检查: handles the reminders and overdue marks due by now; the model then waits for the next moment. */
@Component("campaignTickDelegate")
class CampaignTickDelegate implements JavaDelegate {

    static final String OVER = "campaignOver";

    private final CampaignService campaigns;

    CampaignTickDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = CampaignClock.year(execution);
        campaigns.tick(year);
        execution.setVariable(OVER, campaigns.finished(year));
    }
}
