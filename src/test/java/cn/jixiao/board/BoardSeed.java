package cn.jixiao.board;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A county (or a province) of units for the board's browser test and benchmark, written straight into the tables the
 * board reads — jx_unit, jx_campaign, jx_campaign_unit, jx_report with its recorded figures, jx_report_project — in
 * batches, in the shapes the workflow leaves them: 未开始 without a report, submitted units with a submission date,
 * the units not submitted by a passed deadline overdue, a few late submitters overdue too, scores and grades by the
 * default bands. No process instances: the board never reads any. Same seed, same county.
 */
public final class BoardSeed {

    private static final String[] OFFICES = {
        "教育局",
        "卫生健康局",
        "农业农村局",
        "交通运输局",
        "水利局",
        "民政局",
        "住房和城乡建设局",
        "自然资源局",
        "文化旅游广电体育局",
        "市场监督管理局",
        "人力资源和社会保障局",
        "生态环境分局",
        "财政局",
        "审计局",
        "统计局",
        "林业局",
        "应急管理局",
        "医疗保障局",
        "退役军人事务局",
        "司法局"
    };
    private static final String[] SUPERVISORS = {
        "衡山县人民政府", "衡山县教育局", "衡山县卫生健康局", "衡山县农业农村局", "中共衡山县委办公室", "衡山县住房和城乡建设局", "衡山县交通运输局", "衡山县自然资源局"
    };
    private static final String[] STAGES = {
        "notStarted", "drafting", "internalReview", "financeReview", "accepted", "published"
    };
    private static final int[] STAGE_WEIGHTS = {8, 20, 10, 17, 20, 25};

    private BoardSeed() {}

    /** What was seeded: how many units, and how many of them are overdue. */
    public record Seeded(int units, int overdue, int projects) {}

    /**
     * Seeds {@code units} units (codes {@code prefix-00001} …) into the campaign of {@code year} with the given
     * deadline; {@code today} decides who is overdue.
     */
    public static Seeded seed(
            JdbcTemplate jdbc, String prefix, int year, int units, LocalDate deadline, LocalDate today, long seed) {
        Random random = new Random(seed);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Timestamp now = Timestamp.from(today.atStartOfDay(zone).toInstant());
        if (jdbc.queryForObject("SELECT COUNT(*) FROM jx_campaign WHERE fiscal_year = ?", Integer.class, year) == 0) {
            jdbc.update(
                    "INSERT INTO jx_campaign (fiscal_year, instance_id, deadline, notice, created_by, created_at, launched_at,"
                            + " handled_up_to) VALUES (?, NULL, ?, ?, 'finance', ?, ?, ?)",
                    year,
                    Date.valueOf(deadline),
                    "请按时报送",
                    now,
                    Timestamp.from(deadline.minusDays(30).atStartOfDay(zone).toInstant()),
                    now);
        }
        List<Object[]> unitRows = new ArrayList<>();
        List<Object[]> scopeRows = new ArrayList<>();
        List<Object[]> reportRows = new ArrayList<>();
        List<Object[]> projectRows = new ArrayList<>();
        int overdue = 0;
        int projects = 0;
        for (int i = 1; i <= units; i++) {
            String code = String.format("%s-%05d", prefix, i);
            String name = (i <= OFFICES.length ? "衡山县" : "衡山县第" + ((i - 1) / OFFICES.length + 1) + "片区")
                    + OFFICES[(i - 1) % OFFICES.length];
            unitRows.add(new Object[] {code, name, SUPERVISORS[random.nextInt(SUPERVISORS.length)]});
            String stage = stage(random);
            boolean submitted = !"notStarted".equals(stage) && !"drafting".equals(stage);
            LocalDate submittedOn =
                    submitted ? deadline.minusDays(random.nextInt(24) - (random.nextInt(10) == 0 ? 4 : 0)) : null;
            if (submittedOn != null && submittedOn.isAfter(today)) {
                submittedOn = today;
            }
            boolean late = today.isAfter(deadline) && (submittedOn == null || submittedOn.isAfter(deadline));
            overdue += late ? 1 : 0;
            String reportId = "notStarted".equals(stage)
                    ? null
                    : UUID.nameUUIDFromBytes((prefix + year + code).getBytes()).toString();
            scopeRows.add(new Object[] {
                year,
                code,
                Date.valueOf(deadline),
                reportId,
                now,
                late,
                late ? Timestamp.from(deadline.plusDays(1).atStartOfDay(zone).toInstant()) : null,
                submittedOn == null
                        ? null
                        : Timestamp.from(submittedOn
                                .atTime(9 + random.nextInt(9), random.nextInt(60))
                                .atZone(zone)
                                .toInstant())
            });
            if (reportId == null) {
                continue;
            }
            boolean evaluated = submitted || random.nextInt(4) == 0;
            int count = 1 + random.nextInt(3);
            BigDecimal scoreSum = BigDecimal.ZERO;
            BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            List<Object[]> own = new ArrayList<>();
            for (int p = 0; p < count && evaluated; p++) {
                BigDecimal annual =
                        BigDecimal.valueOf(50 + random.nextInt(2000)).setScale(2);
                BigDecimal initial = annual.subtract(BigDecimal.valueOf(random.nextInt(20)));
                BigDecimal executed = annual.multiply(BigDecimal.valueOf(70 + random.nextInt(31)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                BigDecimal rate = executed.multiply(BigDecimal.valueOf(100)).divide(annual, 2, RoundingMode.HALF_UP);
                BigDecimal fundsScore =
                        rate.min(BigDecimal.valueOf(100)).divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP);
                BigDecimal output = BigDecimal.valueOf(30 + random.nextInt(21));
                BigDecimal effect = BigDecimal.valueOf(18 + random.nextInt(13));
                BigDecimal satisfaction = BigDecimal.valueOf(5 + random.nextInt(6));
                BigDecimal total = fundsScore.add(output).add(effect).add(satisfaction);
                scoreSum = scoreSum.add(total);
                sums[0] = sums[0].add(initial);
                sums[1] = sums[1].add(annual);
                sums[2] = sums[2].add(executed);
                own.add(new Object[] {
                    reportId,
                    p,
                    "重点项目" + (p + 1) + "：" + OFFICES[random.nextInt(OFFICES.length)] + "业务经费",
                    initial,
                    annual,
                    executed,
                    initial,
                    annual,
                    executed,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    rate,
                    fundsScore,
                    output,
                    effect,
                    satisfaction,
                    total,
                    grade(total)
                });
            }
            projectRows.addAll(own);
            projects += own.size();
            BigDecimal mean =
                    own.isEmpty() ? null : scoreSum.divide(BigDecimal.valueOf(own.size()), 2, RoundingMode.HALF_UP);
            boolean seen = "financeReview".equals(stage) || "accepted".equals(stage) || "published".equals(stage);
            reportRows.add(new Object[] {
                reportId,
                code,
                year,
                stage,
                seen,
                "published".equals(stage)
                        ? Date.valueOf(submittedOn.plusDays(5).isAfter(today) ? today : submittedOn.plusDays(5))
                        : null,
                Timestamp.from(deadline.minusDays(30).atStartOfDay(zone).toInstant()),
                reportId,
                own.isEmpty() ? null : now,
                mean,
                mean == null ? null : grade(mean),
                own.isEmpty() ? null : 0,
                own.isEmpty() ? null : random.nextInt(4),
                own.isEmpty() ? null : own.size(),
                own.isEmpty() ? null : sums[0],
                own.isEmpty() ? null : sums[1],
                own.isEmpty() ? null : sums[2]
            });
        }
        jdbc.batchUpdate("INSERT INTO jx_unit (code, name, supervisor) VALUES (?, ?, ?)", unitRows);
        jdbc.batchUpdate(
                "INSERT INTO jx_campaign_unit (fiscal_year, unit_code, due_date, report_id, added_at, overdue,"
                        + " overdue_marked_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                scopeRows);
        jdbc.batchUpdate(
                "INSERT INTO jx_report (instance_id, unit_code, fiscal_year, stage, seen_by_finance, published_on,"
                        + " started_at, process_instance_id, evaluated_at, total_score, grade, error_count, warning_count, project_count,"
                        + " initial_budget, annual_budget, executed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reportRows);
        jdbc.batchUpdate(
                "INSERT INTO jx_report_project (instance_id, position, name, total_initial, total_annual,"
                        + " total_executed, grant_initial, grant_annual, grant_executed, carryover_initial, carryover_annual,"
                        + " carryover_executed, other_initial, other_annual, other_executed, execution_rate, funds_score, output_score,"
                        + " effect_score, satisfaction_score, total_score, grade)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                projectRows);
        return new Seeded(units, overdue, projects);
    }

    private static String stage(Random random) {
        int pick = random.nextInt(100);
        for (int s = 0; s < STAGES.length; s++) {
            pick -= STAGE_WEIGHTS[s];
            if (pick < 0) {
                return STAGES[s];
            }
        }
        return STAGES[STAGES.length - 1];
    }

    /** The default bands (bpmn/grade.dmn): 优 [90,100], 良 [80,90), 中 [60,80), 差 below 60. */
    static String grade(BigDecimal score) {
        if (score.compareTo(BigDecimal.valueOf(90)) >= 0) {
            return "优";
        }
        if (score.compareTo(BigDecimal.valueOf(80)) >= 0) {
            return "良";
        }
        return score.compareTo(BigDecimal.valueOf(60)) >= 0 ? "中" : "差";
    }
}
