package cn.jixiao.scoring;

import static cn.jixiao.scoring.Decimals.show;
import static cn.jixiao.scoring.Decimals.showCount;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The report-level checks (人员编制, 预决算, “三公”经费, 资产), in document order. */
final class ReportChecks {

    private record Labelled(String field, String label) {}

    private static final List<Labelled> STAFF_PARTS = List.of(
            new Labelled("administrative", "行政编制数"),
            new Labelled("publicInstitution", "事业编制数"),
            new Labelled("logistics", "工勤人员编制数"));

    private static final List<Labelled> THREE_PUBLIC_ITEMS = List.of(
            new Labelled("overseasTravel", "因公出国(境)费"),
            new Labelled("vehicles", "公务用车购置及运行维护费"),
            new Labelled("officialReception", "公务接待费"));

    private ReportChecks() {}

    static List<Finding> check(JsonNode report) {
        List<Finding> findings = new ArrayList<>();
        JsonNode staffing = JsonFields.object(JsonFields.object(report, "basicInfo"), "staffing");
        checkStaffing(staffing, findings);
        JsonNode budget = JsonFields.object(report, "budget");
        checkBudgetSplit(JsonFields.object(budget, "initial"), "/budget/initial", "年初预算", "年初预算安排支出", findings);
        checkBudgetSplit(JsonFields.object(budget, "finalAccounts"), "/budget/finalAccounts", "部门决算", "总支出", findings);
        checkThreePublic(JsonFields.object(budget, "threePublicExpenses"), findings);
        checkAssets(JsonFields.object(budget, "assets"), findings);
        return findings;
    }

    /** STAFF_SPLIT_MISMATCH only when at least one part is given (parts not given count as 0). */
    private static void checkStaffing(JsonNode staffing, List<Finding> findings) {
        if (staffing == null) {
            return;
        }
        BigDecimal authorized = JsonFields.decimal(staffing, "authorizedTotal");
        boolean anyPart = STAFF_PARTS.stream().anyMatch(p -> JsonFields.decimal(staffing, p.field()) != null);
        if (authorized != null && anyPart) {
            BigDecimal sum = Decimals.ZERO;
            StringBuilder parts = new StringBuilder();
            for (Labelled part : STAFF_PARTS) {
                BigDecimal value = JsonFields.decimalOrZero(staffing, part.field());
                sum = sum.add(value);
                parts.append(parts.length() == 0 ? "" : "加")
                        .append(part.label())
                        .append(showCount(value))
                        .append("人");
            }
            if (Decimals.differ(sum, authorized)) {
                findings.add(Finding.error(
                        FindingCodes.STAFF_SPLIT_MISMATCH,
                        "/basicInfo/staffing/authorizedTotal",
                        parts + "应等于核定编制数合计，实填" + showCount(authorized) + "人"));
            }
        }
        BigDecimal onDuty = JsonFields.decimal(staffing, "onDuty");
        if (authorized != null && onDuty != null && Decimals.greater(onDuty, authorized)) {
            findings.add(Finding.warning(
                    FindingCodes.STAFF_OVER_AUTHORIZED,
                    "/basicInfo/staffing/onDuty",
                    "在职在岗在编职工" + showCount(onDuty) + "人超过核定编制数合计" + showCount(authorized) + "人"));
        }
    }

    private static void checkBudgetSplit(
            JsonNode part, String pointer, String section, String totalLabel, List<Finding> findings) {
        if (part == null) {
            return;
        }
        BigDecimal basic = JsonFields.amountOrZero(part, "basicExpenditure");
        BigDecimal project = JsonFields.amountOrZero(part, "projectExpenditure");
        BigDecimal total = JsonFields.amountOrZero(part, "expenditureTotal");
        if (Decimals.differ(basic.add(project), total)) {
            findings.add(Finding.error(
                    FindingCodes.BUDGET_SPLIT_MISMATCH,
                    pointer + "/expenditureTotal",
                    section + "：基本支出" + show(basic) + "万元加项目支出" + show(project) + "万元应等于" + totalLabel + "，实填"
                            + show(total) + "万元"));
        }
    }

    private static void checkThreePublic(JsonNode threePublic, List<Finding> findings) {
        JsonNode budget = JsonFields.object(threePublic, "budget");
        JsonNode actual = JsonFields.object(threePublic, "actual");
        for (Labelled item : THREE_PUBLIC_ITEMS) {
            BigDecimal planned = JsonFields.amount(budget, item.field());
            BigDecimal spent = JsonFields.amount(actual, item.field());
            if (planned != null && spent != null && Decimals.greater(spent, planned)) {
                findings.add(Finding.warning(
                        FindingCodes.THREE_PUBLIC_OVER_BUDGET,
                        "/budget/threePublicExpenses/actual/" + item.field(),
                        "“三公”经费" + item.label() + "决算数" + show(spent) + "万元超过预算数" + show(planned) + "万元"));
            }
        }
    }

    private static void checkAssets(JsonNode assets, List<Finding> findings) {
        if (assets == null) {
            return;
        }
        BigDecimal totalAssets = JsonFields.amountOrZero(assets, "totalAssets");
        BigDecimal liabilities = JsonFields.amountOrZero(assets, "totalLiabilities");
        BigDecimal netAssets = JsonFields.amountOrZero(assets, "netAssets");
        if (Decimals.differ(totalAssets.subtract(liabilities), netAssets)) {
            findings.add(Finding.warning(
                    FindingCodes.ASSETS_EQUATION,
                    "/budget/assets/netAssets",
                    "资产总额" + show(totalAssets) + "万元减负债总额" + show(liabilities) + "万元应等于净资产，实填" + show(netAssets)
                            + "万元"));
        }
        BigDecimal original = JsonFields.amount(assets, "fixedAssetsOriginalValue");
        BigDecimal inUse = JsonFields.amount(assets, "assetsInUse");
        if (original != null && inUse != null && Decimals.greater(inUse, original)) {
            findings.add(Finding.warning(
                    FindingCodes.ASSETS_IN_USE_EXCEEDS,
                    "/budget/assets/assetsInUse",
                    "在用资产" + show(inUse) + "万元超过固定资产账面原值" + show(original) + "万元"));
        }
    }
}
