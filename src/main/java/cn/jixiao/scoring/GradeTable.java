package cn.jixiao.scoring;

import java.math.BigDecimal;

/** Maps a 总分 to its 评价等级 (优/良/中/差); returns null when no band matches. */
@FunctionalInterface
public interface GradeTable {

    String gradeFor(BigDecimal totalScore);
}
