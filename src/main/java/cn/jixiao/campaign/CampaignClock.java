package cn.jixiao.campaign;

import cn.jixiao.record.ReportIndex;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The dates the models ask for: the campaign's next timer ({@code ${campaignClock.next(execution)}}), and, in the
 * report's model, each drafting task's due date ({@code ${campaignClock.due(execution)}}, none outside a
 * campaign) and the first submission to the leader ({@code ${campaignClock.submitted(execution)}}). A report's unit
 * and year come from its record, never from its variables.
 */
@Component("campaignClock")
public class CampaignClock {

    private final CampaignService campaigns;
    private final ReportIndex index;

    CampaignClock(CampaignService campaigns, ReportIndex index) {
        this.campaigns = campaigns;
        this.index = index;
    }

    public Date next(DelegateExecution execution) {
        return campaigns.nextTimer(year(execution));
    }

    public Date due(DelegateExecution execution) {
        return index.find(execution.getProcessInstanceId())
                .map(entry -> campaigns.dueOf(entry.unitCode(), entry.fiscalYear()))
                .orElse(null);
    }

    public void submitted(DelegateExecution execution) {
        index.find(execution.getProcessInstanceId())
                .ifPresent(entry -> campaigns.submitted(entry.unitCode(), entry.fiscalYear()));
    }

    static int year(DelegateExecution execution) {
        return ((Number) execution.getVariable(CampaignService.FISCAL_YEAR)).intValue();
    }
}
