package cn.jixiao.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 下发自评任务: one batch of units per job; the model loops until every unit in scope has its report. */
@Component("launchBatchDelegate")
class LaunchBatchDelegate implements JavaDelegate {

    static final String ALL_LAUNCHED = "allLaunched";

    private final CampaignService campaigns;

    LaunchBatchDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ALL_LAUNCHED, campaigns.launchBatch(CampaignClock.year(execution)));
    }
}
