package cn.jixiao;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code jixiao.*} in application.yaml. */
@ConfigurationProperties("jixiao")
public record JixiaoProperties(String dataDir, String financeGroup, String financeGroupName) {

    public JixiaoProperties {
        financeGroup = financeGroup == null || financeGroup.isBlank() ? "finance-bureau" : financeGroup;
        financeGroupName = financeGroupName == null || financeGroupName.isBlank() ? "财政局" : financeGroupName;
    }
}
