package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of schema-valid reports. In consistent mode every ERROR rule is respected (weights add up
 * to 100, scores within weights, budgets non-zero, splits add up), so such a report must get a grade.
 * Numbers come as int, decimal (sometimes in exponent form) and double nodes; amounts sometimes at four decimals
 * (yuan precision); optional fields come and go. A report names a built-in template (or none, or in inconsistent mode
 * an unknown one) and is sometimes a project-only table ({@code scope} projects, no department sections).
 */
final class RandomReports {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final String[] LEVEL1 = {"产出指标", "效益指标", "满意度指标"};
    private static final String[] TEXTS = {
        "按时完成",
        "满意",
        "完成",
        "影响情况",
        "万元",
        "持续影响",
        "100%",
        "95%",
        "≥17个",
        "15个",
        "17个",
        "≤400万元",
        "390万元",
        "410万元",
        ">3",
        "3",
        "<5天",
        "6天",
        "4天",
        "≥95%",
        "90%",
        "0",
        "≥0",
        ">0",
        "<0",
        "1,200万元",
        "１００％",
        "17-20个",
        "≥" + "9".repeat(150),
        "0.01",
        "≥0.01%",
        "不超过2.5小时",
        "3小时",
        "x",
        "第3季度完成",
        "  ",
        "≥1e5",
        "NaN",
        "Infinity",
        "-5"
    };
    private static final String[] PROFILES = {"national", "sichuan"};
    private static final String[] NAMES = {"大综窗标准化改革", "政务大厅改造", "12345热线", "电子证照", "项目"};

    private final Random random;

    RandomReports(long seed) {
        this.random = new Random(seed);
    }

    record Generated(ObjectNode report, boolean consistent) {}

    Generated next() {
        boolean consistent = random.nextBoolean();
        ObjectNode report = NODES.objectNode();
        report.put("schemaVersion", 1);
        switch (random.nextInt(4)) {
            case 0 -> report.put("profile", pick(PROFILES));
            case 1 -> report.put("profile", consistent ? "sichuan" : "hubei");
            default -> {}
        }
        report.put("fiscalYear", 2000 + random.nextInt(101));
        ObjectNode unit = report.putObject("unit").put("code", "X").put("name", "单位");
        if (random.nextBoolean()) {
            unit.put("supervisor", "");
        }
        ObjectNode basicInfo = report.putObject("basicInfo");
        basicInfo.putArray("responsibilities").add("职责");
        basicInfo.set("staffing", staffing(consistent));

        ObjectNode budget = report.putObject("budget");
        budget.set("initial", budgetSplit(consistent, "expenditureTotal"));
        budget.set("finalAccounts", budgetSplit(consistent, "expenditureTotal"));
        ObjectNode three = budget.putObject("threePublicExpenses");
        three.set("budget", threePublic());
        three.set("actual", threePublic());
        budget.putObject("governmentProcurement").set("goods", amount());
        ((ObjectNode) budget.get("governmentProcurement")).set("works", amount());
        ((ObjectNode) budget.get("governmentProcurement")).set("services", amount());
        ObjectNode assets = budget.putObject("assets");
        assets.set("totalAssets", amount());
        assets.set("totalLiabilities", amount());
        assets.set(
                "netAssets", random.nextBoolean() ? amount() : number(BigDecimal.valueOf(-random.nextInt(100000), 2)));
        optional(assets, "fixedAssetsOriginalValue", this::amount);
        optional(assets, "assetsInUse", this::amount);

        int projectCount = random.nextInt(4);
        List<String> projectNames = new ArrayList<>();
        ArrayNode projects = NODES.arrayNode();
        for (int i = 0; i < projectCount; i++) {
            String name = pick(NAMES);
            projectNames.add(name);
            projects.add(project(consistent, name));
        }
        ObjectNode performance = report.putObject("performance");
        performance.putArray("overallGoalAchievements").add("一是完成");
        if (random.nextInt(4) > 0) {
            ArrayNode narratives = performance.putArray("projectNarratives");
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                String name = !projectNames.isEmpty() && random.nextBoolean()
                        ? projectNames.get(random.nextInt(projectNames.size()))
                        : pick(NAMES);
                narratives.addObject().put("projectName", name).put("text", "完成");
            }
        }
        ObjectNode problems = report.putObject("problems");
        problems.putArray("items");
        problems.putArray("measures");
        report.set("projects", projects);
        switch (random.nextInt(6)) {
            case 0 -> {
                // a 项目支出绩效自评表 published alone: no department sections
                report.put("scope", "projects");
                report.remove(List.of("basicInfo", "budget", "performance", "problems"));
            }
            case 1 -> report.put("scope", "department");
            default -> {}
        }
        return new Generated(report, consistent);
    }

    private ObjectNode staffing(boolean consistent) {
        ObjectNode staffing = NODES.objectNode();
        int[] parts = {random.nextInt(30), random.nextInt(30), random.nextInt(5)};
        boolean partsGiven = random.nextBoolean();
        if (partsGiven) {
            staffing.put("administrative", parts[0])
                    .put("publicInstitution", parts[1])
                    .put("logistics", parts[2]);
        }
        int authorized = consistent && partsGiven ? parts[0] + parts[1] + parts[2] : random.nextInt(60);
        staffing.put("authorizedTotal", authorized);
        staffing.put("onDuty", random.nextInt(70));
        if (random.nextBoolean()) {
            staffing.put("retired", random.nextInt(10)).put("temporary", random.nextInt(30));
        }
        return staffing;
    }

    private ObjectNode budgetSplit(boolean consistent, String totalField) {
        ObjectNode part = NODES.objectNode();
        BigDecimal basic = amountValue();
        BigDecimal project = amountValue();
        part.set("revenueTotal", amount());
        part.set("basicExpenditure", number(basic));
        part.set("projectExpenditure", number(project));
        part.set(totalField, consistent ? number(basic.add(project)) : amount());
        return part;
    }

    private ObjectNode threePublic() {
        ObjectNode node = NODES.objectNode();
        node.set("overseasTravel", amount());
        node.set("vehicles", amount());
        node.set("officialReception", amount());
        return node;
    }

    private ObjectNode project(boolean consistent, String name) {
        ObjectNode project = NODES.objectNode();
        project.put("name", name);
        optional(project, "supervisor", () -> NODES.textNode("主管"));
        ObjectNode funds = project.putObject("funds");
        BigDecimal fundsWeight = consistent ? (random.nextBoolean() ? BigDecimal.TEN : pointsValue()) : pointsValue();
        funds.set("weight", number(fundsWeight));
        BigDecimal[] total = {amountValue(), amountValue(), amountValue()};
        if (consistent && total[1].signum() == 0) {
            total[1] = new BigDecimal("0.01");
        }
        funds.set("total", fundLine(total));
        int subLineMode = random.nextInt(3);
        String[] subLines = {"currentYearGrant", "priorYearCarryover", "other"};
        if (subLineMode == 1) {
            // one sub-line carrying everything (consistent) or anything
            funds.set(
                    pick(subLines),
                    fundLine(consistent ? total : new BigDecimal[] {amountValue(), amountValue(), amountValue()}));
        } else if (subLineMode == 2) {
            BigDecimal[][] split = new BigDecimal[3][3];
            for (int column = 0; column < 3; column++) {
                BigDecimal[] parts = consistent
                        ? splitCents(total[column], 3)
                        : new BigDecimal[] {amountValue(), amountValue(), amountValue()};
                for (int k = 0; k < 3; k++) {
                    split[k][column] = parts[k];
                }
            }
            for (int k = 0; k < 3; k++) {
                funds.set(subLines[k], fundLine(split[k]));
            }
        }
        optional(funds, "declaredScore", this::points);

        project.putObject("annualGoal").put("expected", "目标").put("actual", "完成");
        ArrayNode indicators = project.putArray("indicators");
        int n = 1 + random.nextInt(10);
        BigDecimal rest = BigDecimal.valueOf(100).subtract(fundsWeight);
        BigDecimal[] weights = consistent ? splitCents(rest, n) : null;
        for (int j = 0; j < n; j++) {
            BigDecimal weight = consistent ? weights[j] : pointsValue();
            BigDecimal score = consistent || random.nextInt(4) > 0
                    ? BigDecimal.valueOf(
                            (long) (random.nextDouble()
                                    * (weight.movePointRight(2).longValue() + 1)),
                            2)
                    : pointsValue();
            ObjectNode indicator = indicators.addObject();
            indicator.put("level1", pick(LEVEL1)).put("level2", "数量指标").put("name", "指标" + j);
            optional(indicator, "target", () -> NODES.textNode(pick(TEXTS)));
            if (consistent) {
                String actual = pick(TEXTS);
                indicator.put("actual", actual.isBlank() ? "完成" : actual);
            } else {
                optional(indicator, "actual", () -> NODES.textNode(pick(TEXTS)));
            }
            indicator.set("weight", number(weight));
            if (consistent || random.nextInt(8) > 0) {
                indicator.set("score", number(score));
            }
            optional(indicator, "deviationNote", () -> NODES.textNode(random.nextBoolean() ? "" : "原因"));
        }
        optional(project, "declaredTotalScore", this::points);
        return project;
    }

    private ObjectNode fundLine(BigDecimal[] values) {
        ObjectNode line = NODES.objectNode();
        line.set("initialBudget", number(values[0]));
        line.set("annualBudget", number(values[1]));
        line.set("executed", number(values[2]));
        return line;
    }

    /** Splits a non-negative two-decimal value into n non-negative two-decimal parts adding up to it exactly. */
    private BigDecimal[] splitCents(BigDecimal value, int n) {
        int scale = value.stripTrailingZeros().scale() > 2 ? 4 : 2;
        long cents = value.movePointRight(scale).longValueExact();
        long[] cuts = new long[n + 1];
        cuts[n] = cents;
        for (int k = 1; k < n; k++) {
            cuts[k] = (long) (random.nextDouble() * (cents + 1));
        }
        java.util.Arrays.sort(cuts, 1, n);
        BigDecimal[] parts = new BigDecimal[n];
        for (int k = 0; k < n; k++) {
            parts[k] = BigDecimal.valueOf(cuts[k + 1] - cuts[k], scale);
        }
        return parts;
    }

    private BigDecimal amountValue() {
        return switch (random.nextInt(9)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> new BigDecimal("0.01");
            case 7 -> BigDecimal.valueOf(random.nextInt(100_000_000), 4);
            case 2 -> BigDecimal.valueOf(random.nextInt(1000));
            case 3 -> new BigDecimal("1E+15");
            case 4 -> BigDecimal.valueOf((long) (random.nextDouble() * 1e17), 2);
            default -> BigDecimal.valueOf(random.nextInt(10_000_000), 2);
        };
    }

    private JsonNode amount() {
        return number(amountValue());
    }

    private BigDecimal pointsValue() {
        return switch (random.nextInt(6)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> BigDecimal.valueOf(100);
            case 2 -> BigDecimal.TEN;
            default -> BigDecimal.valueOf(random.nextInt(10_001), 2);
        };
    }

    private JsonNode points() {
        return number(pointsValue());
    }

    /** The same value as an int, double or decimal node, whichever represents it exactly. */
    private JsonNode number(BigDecimal value) {
        int kind = random.nextInt(3);
        if (kind == 0
                && value.stripTrailingZeros().scale() <= 0
                && value.abs().compareTo(BigDecimal.valueOf(1e9)) < 0) {
            return IntNode.valueOf(value.intValueExact());
        }
        if (kind == 1 && value.abs().compareTo(BigDecimal.valueOf(1e9)) < 0) {
            return DoubleNode.valueOf(value.doubleValue());
        }
        return DecimalNode.valueOf(value);
    }

    private void optional(ObjectNode node, String field, java.util.function.Supplier<JsonNode> value) {
        if (random.nextBoolean()) {
            node.set(field, value.get());
        }
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
