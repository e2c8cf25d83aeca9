package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** One line of a project's 项目资金 table; absent amounts read as 0. */
record FundLine(BigDecimal initialBudget, BigDecimal annualBudget, BigDecimal executed) {

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

    static final FundLine ZERO = new FundLine(Decimals.ZERO, Decimals.ZERO, Decimals.ZERO);

    /** The line at {@code field} of the funds object; null when it is not given. */
    static FundLine read(JsonNode funds, String field) {
        JsonNode line = JsonFields.object(funds, field);
        if (line == null) {
            return null;
        }
        return new FundLine(JsonFields.decimalOrZero(line, "initialBudget"),
                JsonFields.decimalOrZero(line, "annualBudget"),
                JsonFields.decimalOrZero(line, "executed"));
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
