package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * One line of a project's 项目资金 table; absent amounts read as 0, but an absent 调整后预算数 stays null (most tables
 * have no such column). Amounts are read at four decimals (yuan precision).
 */
record FundLine(BigDecimal initialBudget, BigDecimal annualBudget, BigDecimal executed, BigDecimal adjustedBudget) {

    /** The three columns: JSON field name and Chinese label. */
    enum Column {
        INITIAL_BUDGET("initialBudget", "年初预算数"),
        ANNUAL_BUDGET("annualBudget", "全年预算数"),
        EXECUTED("executed", "全年执行数");

        final String field;
        final String label;

        Column(String field, String label) {
            this.field = field;
            this.label = label;
        }
    }

    static final FundLine ZERO = new FundLine(Decimals.ZERO, Decimals.ZERO, Decimals.ZERO, null);

    /** The line at {@code field} of the funds object; null when it is not given. */
    static FundLine read(JsonNode funds, String field) {
        return of(JsonFields.object(funds, field));
    }

    /** The line of this object (a fund line, or a named one of 其他资金来源); null when it is not an object. */
    static FundLine of(JsonNode line) {
        if (line == null || !line.isObject()) {
            return null;
        }
        return new FundLine(
                JsonFields.amountOrZero(line, "initialBudget"),
                JsonFields.amountOrZero(line, "annualBudget"),
                JsonFields.amountOrZero(line, "executed"),
                JsonFields.amount(line, "adjustedBudget"));
    }

    /** True when every column is 0 (an absent 调整后预算数 counts as 0). */
    boolean isAllZero() {
        return Decimals.isZero(initialBudget)
                && Decimals.isZero(annualBudget)
                && Decimals.isZero(executed)
                && (adjustedBudget == null || Decimals.isZero(adjustedBudget));
    }

    /** Column by column sum; 调整后预算数 is summed where either line has one. */
    FundLine plus(FundLine other) {
        BigDecimal adjusted = adjustedBudget == null && other.adjustedBudget == null
                ? null
                : orZero(adjustedBudget).add(orZero(other.adjustedBudget));
        return new FundLine(
                initialBudget.add(other.initialBudget),
                annualBudget.add(other.annualBudget),
                executed.add(other.executed),
                adjusted);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? Decimals.ZERO : value;
    }

    static FundLine orZero(FundLine line) {
        return line == null ? ZERO : line;
    }

    BigDecimal get(Column column) {
        return switch (column) {
            case INITIAL_BUDGET -> initialBudget;
            case ANNUAL_BUDGET -> annualBudget;
            case EXECUTED -> executed;
        };
    }
}
