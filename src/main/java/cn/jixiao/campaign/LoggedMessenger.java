package cn.jixiao.campaign;

import cn.jixiao.unit.Unit;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes each campaign message to the log; the record on the report's tasks is made by the campaign itself. */
@Component
class LoggedMessenger implements CampaignMessenger {

  private static final Logger LOG = LoggerFactory.getLogger(LoggedMessenger.class);

  @Override
  public void remind(Unit unit, int fiscalYear, LocalDate due, long daysLeft, String notice) {
    LOG.info("campaign {}: reminder to {} ({} days left, due {})", fiscalYear, unit.code(), daysLeft, due);
  }

  @Override
  public void overdue(Unit unit, int fiscalYear, LocalDate due) {
    LOG.info("campaign {}: {} is overdue (due {})", fiscalYear, unit.code(), due);
  }

  @Override
  public void overdueSummary(int fiscalYear, LocalDate deadline, List<String> unitNames) {
    LOG.info("campaign {}: overdue units {}", fiscalYear, unitNames);
  }
}
