package cn.jixiao.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The evaluation as a few Chinese lines for the forms: the scores first, then errors, then warnings. */
public final class EvaluationSummary {

    private EvaluationSummary() {}

    public static String text(Evaluation evaluation) {
        List<String> lines = new ArrayList<>();
        if (evaluation.profile() != null) {
            lines.add("【评分模板】" + evaluation.profile());
        }
        for (ProjectEvaluation p : evaluation.projects()) {
            lines.add(
                    "【得分】项目「" + p.name() + "」：执行率" + (p.executionRate() == null ? "无法计算" : two(p.executionRate()) + "%")
                            + "，预算执行率得分" + two(p.fundsScore()) + "分，" + levels(p) + "总分" + two(p.totalScore()) + "分，等级："
                            + (p.grade() == null ? (evaluation.hasErrors() ? "（有错误，暂不评级）" : "无") : p.grade()));
        }
        long errors = evaluation.findings().stream().filter(Finding::isError).count();
        long warnings = evaluation.findings().size() - errors;
        lines.add(
                errors == 0 && warnings == 0 ? "【校验】未发现问题。" : "【校验】错误" + errors + "项（须修改后才能提交审核），提醒" + warnings + "项：");
        for (Finding f : evaluation.findings()) {
            if (f.isError()) {
                lines.add("【错误】" + where(evaluation, f) + f.message());
            }
        }
        for (Finding f : evaluation.findings()) {
            if (!f.isError()) {
                lines.add("【提醒】" + where(evaluation, f) + f.message());
            }
        }
        return String.join("\n", lines);
    }

    private static final java.util.regex.Pattern PROJECT = java.util.regex.Pattern.compile("^/projects/(\\d+)(/.*)?$");

    /** With several 自评表, a project's finding says which: "项目「…」：". */
    private static String where(Evaluation evaluation, Finding finding) {
        java.util.regex.Matcher m = PROJECT.matcher(finding.pointer());
        if (evaluation.projects().size() < 2 || !m.matches()) {
            return "";
        }
        int index = Integer.parseInt(m.group(1));
        return index < evaluation.projects().size()
                ? "项目「" + evaluation.projects().get(index).name() + "」："
                : "";
    }

    private static String levels(ProjectEvaluation p) {
        StringBuilder text = new StringBuilder();
        for (LevelSubtotal level : p.levels()) {
            text.append(level.level1())
                    .append(two(level.score()))
                    .append("/")
                    .append(two(level.weight()))
                    .append("分，");
        }
        return text.toString();
    }

    private static String two(BigDecimal value) {
        return value == null ? "—" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
