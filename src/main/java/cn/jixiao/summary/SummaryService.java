package cn.jixiao.summary;

import cn.jixiao.board.Ranking;
import cn.jixiao.board.StageNames;
import cn.jixiao.grading.DeployedGradeTable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the year's 汇总表 from the recorded figures (two queries), ranks the accepted and published reports by 总分
 * (ties sharing a rank) and states in 说明 the grade bands and the scoring rules in force.
 */
@Service
class SummaryService {

    private final SummaryStore store;
    private final DeployedGradeTable grades;
    private final Shares shares;

    /** {@code jixiao.scoring.*}: the standard shares in force, stated in 说明. */
    record Shares(
            BigDecimal outputShare, BigDecimal effectShare, BigDecimal satisfactionShare, BigDecimal fundsWeight) {}

    private final ZoneId zone;

    SummaryService(
            SummaryStore store,
            DeployedGradeTable grades,
            @Value("${jixiao.scoring.output-share:50}") BigDecimal outputShare,
            @Value("${jixiao.scoring.effect-share:30}") BigDecimal effectShare,
            @Value("${jixiao.scoring.satisfaction-share:10}") BigDecimal satisfactionShare,
            @Value("${jixiao.scoring.funds-weight:10}") BigDecimal fundsWeight,
            @Value("${jixiao.campaign.zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.grades = grades;
        this.shares = new Shares(outputShare, effectShare, satisfactionShare, fundsWeight);
        this.zone = zone;
    }

    boolean hasCampaign(int fiscalYear) {
        return store.hasCampaign(fiscalYear);
    }

    static String fileName(int fiscalYear) {
        return fiscalYear + "年度部门整体支出绩效自评汇总表.xlsx";
    }

    /** Writes the workbook; one read-only transaction, so both sheets see the same moment. */
    @Transactional(readOnly = true)
    public void write(int fiscalYear, OutputStream out) throws IOException {
        List<SummaryStore.UnitRow> units = store.units(fiscalYear);
        Map<String, BigDecimal> scores = new HashMap<>();
        for (SummaryStore.UnitRow unit : units) {
            if (StageNames.accepted(unit.stage())) {
                scores.put(unit.unitCode(), unit.totalScore());
            }
        }
        SummaryWorkbook.write(
                new SummaryWorkbook.Content(
                        fiscalYear,
                        ClockUtil.getCurrentTime().toInstant(),
                        zone,
                        units,
                        Ranking.of(scores),
                        each -> store.projects(fiscalYear, each),
                        GradeBands.of(grades.current()),
                        rules()),
                out);
    }

    private List<String> rules() {
        return List.of(
                "金额单位：万元；执行率 = 全年执行数 ÷ 全年预算数（年度资金总额行），百分数保留两位小数。",
                "预算执行率得分 = min(执行率, 100%) × 预算执行率分值（标准分值 " + plain(shares.fundsWeight()) + " 分）。",
                "项目总分 = 预算执行率得分 + 全部三级指标得分；一级指标标准分值：产出指标 " + plain(shares.outputShare()) + " 分、效益指标 "
                        + plain(shares.effectShare()) + " 分、满意度指标 " + plain(shares.satisfactionShare()) + " 分。",
                "单位总分 = 本单位各项目总分的平均值（四舍五入保留两位小数），等级按上表等级划分评定；报告有错误时不评等级。",
                "名次：本年度已审核通过和已公开的报告按总分从高到低排列，总分相同者名次相同，其后名次顺延（如 1、2、2、4）。",
                "各项数字取自各报告最近一次「计算得分与校验」保存的评分结果（与系统中报告的评分结果一致）。",
                "单位汇总的年初预算数、全年预算数、全年执行数为本单位各项目年度资金总额之和；校验发现数为错误与警告之和。");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }
}
