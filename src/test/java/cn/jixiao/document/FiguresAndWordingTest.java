package cn.jixiao.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Number formatting, Chinese enumerations and sentence building, without docx4j. */
class FiguresAndWordingTest {

    @Test
    void amountsKeepAtMostTwoDecimalsWithoutTrailingZeros() {
        assertThat(Figures.show(new BigDecimal("179.20"))).isEqualTo("179.2");
        assertThat(Figures.show(new BigDecimal("15.00"))).isEqualTo("15");
        assertThat(Figures.show(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Figures.show(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(Figures.show(new BigDecimal("0.005"))).isEqualTo("0.01");
        assertThat(Figures.show(new BigDecimal("-3.456"))).isEqualTo("-3.46");
        assertThat(Figures.show(new BigDecimal("641.82"))).isEqualTo("641.82");
        assertThat(Figures.show(null)).isNull();
    }

    @Test
    void percentagesAreExactAndRoundedHalfUp() {
        assertThat(Figures.showPercent(Figures.percent(new BigDecimal("181.26"), new BigDecimal("821.17"))))
                .isEqualTo("22.07%");
        assertThat(Figures.showPercent(Figures.percent(new BigDecimal("639.91"), new BigDecimal("821.17"))))
                .isEqualTo("77.93%");
        assertThat(Figures.showPercent(Figures.percent(new BigDecimal("1190.97"), new BigDecimal("1190.97"))))
                .isEqualTo("100%");
        assertThat(Figures.showPercent(Figures.percent(BigDecimal.ONE, new BigDecimal("8"))))
                .isEqualTo("12.5%");
        assertThat(Figures.percent(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        assertThat(Figures.sum(null, new BigDecimal("56.36"), BigDecimal.ZERO)).isEqualByComparingTo("56.36");
        assertThat(Figures.sum((BigDecimal) null)).isNull();
    }

    @Test
    void chineseNumeralsAndMarkers() {
        assertThat(Numbering.chinese(1)).isEqualTo("一");
        assertThat(Numbering.chinese(10)).isEqualTo("十");
        assertThat(Numbering.chinese(11)).isEqualTo("十一");
        assertThat(Numbering.chinese(20)).isEqualTo("二十");
        assertThat(Numbering.chinese(99)).isEqualTo("九十九");
        assertThat(Numbering.chinese(105)).isEqualTo("一百零五");
        assertThat(Numbering.chinese(110)).isEqualTo("一百一十");
        assertThat(Numbering.listMarker(5)).isEqualTo("（六）");
        assertThat(Numbering.ordinal(0)).isEqualTo("一是");
        assertThat(Numbering.withoutListMarker("（三）牵头负责")).isEqualTo("牵头负责");
        assertThat(Numbering.withoutListMarker("(3)牵头负责")).isEqualTo("(3)牵头负责");
        assertThat(Numbering.withoutOrdinal("二是编制公布")).isEqualTo("编制公布");
        assertThat(Numbering.withoutOrdinal("是我县的重要内容")).isEqualTo("是我县的重要内容");
    }

    @Test
    void typedMarkersAreNotDoubled() {
        assertThat(ReportText.numbered(List.of("（一）第一项。", "第二项。\n续行。"))).containsExactly("（一）第一项。", "（二）第二项。", "续行。");
    }

    @Test
    void staffingLeavesOutAbsentParts() {
        ObjectNode report = Fixtures.minimal();
        ((ObjectNode) report.at("/basicInfo/staffing"))
                .put("publicInstitution", 5)
                .put("temporary", 2);
        assertThat(ReportText.staffing(report)).isEqualTo("核定某某县某某局编制数合计5名，事业编制数5名。现有在职在岗在编职工4人，临聘人员2人。");
    }

    @Test
    void unchangedRevenueIsSaidToMatchTheBudget() {
        ObjectNode report = Fixtures.minimal();
        ((ObjectNode) report.at("/budget/finalAccounts")).put("revenueTotal", 100.00);
        assertThat(ReportText.finalAccounts(report)).startsWith("2023年决算总收入100万元，与预算持平，总支出90.5万元");
    }

    /** Amounts in 万元 keep the yuan the unit wrote, in every sentence; percentages and counts keep two decimals. */
    @Test
    void narrativeAmountsKeepFourDecimals() {
        ObjectNode report = Fixtures.minimal();
        ((ObjectNode) report.at("/budget/initial"))
                .put("revenueTotal", new BigDecimal("100.1234"))
                .put("generalPublicBudgetGrant", new BigDecimal("89.974"));
        ((ObjectNode) report.at("/budget/finalAccounts"))
                .put("revenueTotal", new BigDecimal("90.5"))
                .put("expenditureTotal", new BigDecimal("90.5"))
                .put("basicExpenditure", new BigDecimal("30.1667"))
                .put("projectExpenditure", new BigDecimal("60.3333"));
        ((ObjectNode) report.at("/budget/threePublicExpenses/actual"))
                .put("vehicles", new BigDecimal("1.2345"))
                .put("officialReception", new BigDecimal("0.0005"));

        assertThat(ReportText.initialBudget(report)).startsWith("2023年年初预算安排收入100.1234万元，其中一般公共财政拨款89.974万元；");
        assertThat(ReportText.finalAccounts(report))
                .isEqualTo("2023年决算总收入90.5万元，较预算减少9.6234万元，总支出90.5万元，"
                        + "其中：基本支出30.1667万元，占总支出的33.33%；项目支出60.3333万元，占总支出的66.67%。");
        assertThat(ReportText.threePublicExpenses(report))
                .endsWith("“三公”经费决算数1.235万元，其中：因公出国(境)费0万元，公务用车购置及运行维护费1.2345万元，公务接待费0.0005万元。");
    }

    @Test
    void varianceReasonIsNotPrefixedTwice() {
        ObjectNode report = Fixtures.minimal();
        ((ObjectNode) report.at("/budget/finalAccounts")).put("varianceReason", "差异产生的主要原因是追加了专项经费");
        assertThat(ReportText.finalAccounts(report)).endsWith("。差异产生的主要原因是追加了专项经费。");
    }

    @Test
    void twentyTwoLinesAndTwentyEightCharactersAreDerivedFromTheTypeArea() {
        assertThat(Layout.LINE_PITCH).isEqualTo(579);
        assertThat(Layout.CHAR_SPACING).isEqualTo(-5);
        assertThat(Layout.TEXT_WIDTH).isEqualTo(8845);
        assertThat(ProjectTable.GRID).hasSize(10);
        int total = 0;
        for (int width : ProjectTable.GRID) {
            total += width;
        }
        assertThat(total).isEqualTo(Layout.TEXT_WIDTH);
    }
}
