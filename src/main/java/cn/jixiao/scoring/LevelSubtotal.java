package cn.jixiao.scoring;

import java.math.BigDecimal;

/** Sum of the weights (分值) and of the self-assessed scores (得分) of one 一级指标. */
record LevelSubtotal(String level1, BigDecimal weight, BigDecimal score) {}
