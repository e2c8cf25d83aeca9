package cn.jixiao.scoring;

import java.math.BigDecimal;

/** The suggested score of the indicator at {@code index}; null when it cannot be computed. */
record IndicatorSuggestion(int index, BigDecimal suggestedScore) {}
