package cn.jixiao.e2e;

/**
 * What the clerk of 衡山县行政审批服务局 types into the six section forms of the 2023 report. The figures are
 * consistent (基本支出 + 项目支出 = 支出合计, fund lines add up, scores within weights), so the only ERROR of the
 * first submission is the one made on purpose: the first indicator of the second project weighs 55 instead of 50,
 * and its table adds up to 105.
 *
 * <p>Expected scores: 政务服务大厅运行保障 392 / 400 = 98.00 %, 9.80 + 87 = 96.80 (优); 政务服务一体化平台建设
 * 152 / 160 = 95.00 %, 9.50 + 88 = 97.50 (优). Half-way, as typed for a moment: 395 / 400 = 98.75 %, × 10 = 9.875,
 * half-up 9.88 (+ 87 = 96.88).
 */
final class ClerkEntries {

    /** The lists of 填写项目清单 and of 填写项目自评表 (a list of one project). */
    static final String PROJECT_LIST = "附件：项目支出绩效自评表（项目清单）";

    static final String PROJECT_TABLE = "附件：项目支出绩效自评表";
    static final String PROJECT_1 = "政务服务大厅运行保障";
    static final String PROJECT_2 = "政务服务一体化平台建设";
    /** What the form's live figures of each project must show, as the system computes them (see above). */
    static final String[] LIVE_1 = {
        "执行率（全年执行数 ÷ 全年预算数）：98.00%", "预算执行率得分：9.80 分", "指标得分合计 87.00 分", "总分（预算执行率得分 + 指标得分）96.80 分"
    };

    static final String[] LIVE_2 = {
        "执行率（全年执行数 ÷ 全年预算数）：95.00%", "预算执行率得分：9.50 分", "指标得分合计 88.00 分", "总分（预算执行率得分 + 指标得分）97.50 分"
    };
    static final int EXECUTED_1 = 392;
    static final int EXECUTED_1_HALF_WAY = 395;
    static final String[] LIVE_1_HALF_WAY = {"执行率（全年执行数 ÷ 全年预算数）：98.75%", "预算执行率得分：9.88 分", "总分（预算执行率得分 + 指标得分）96.88 分"
    };
    static final int WRONG_WEIGHT = 55;
    static final int RIGHT_WEIGHT = 50;

    static final String LEADER_COMMENT = "改进措施过于笼统，请写明每项措施的责任股室和完成时限。";
    static final String FINANCE_COMMENT = "请在项目绩效目标完成情况中补充平台建设的量化数据（上线事项数、网办率）。";

    private ClerkEntries() {}

    static void basicInfo(FormFiller form) {
        form.item("（一）部门主要职责", 0).type("职责内容", "贯彻执行国家、省、市关于行政审批制度改革和政务服务的方针政策，组织实施全县行政审批和政务服务工作。");
        form.item("（一）部门主要职责", 1).type("职责内容", "统筹推进全县政务服务大厅、乡镇便民服务中心标准化建设，负责“互联网+政务服务”和“12345”热线工作。");
        form.group("（二）人员编制情况")
                .type("核定编制数合计", 14)
                .type("行政编制数", 3)
                .type("事业编制数", 10)
                .type("工勤人员编制数", 1)
                .type("在职在岗在编职工", 14)
                .type("离退休人员", 2)
                .type("临聘人员", 22);
    }

    static void budget(FormFiller form) {
        form.group("1.部门预算情况（年初预算）")
                .type("年初预算安排收入", 180)
                .type("其中：一般公共财政拨款", 180)
                .type("年初预算安排支出", 180)
                .type("基本支出", 160)
                .type("项目支出", 20);
        form.group("2.部门决算情况（含年中预算追加情况）")
                .type("决算总收入", 720)
                .type("总支出", 712)
                .type("基本支出", 160)
                .type("项目支出", 552)
                .type("差异产生的主要原因", "年中追加政务服务一体化平台建设和大厅运行保障专项资金。");
        FormFiller threePublic = form.group("3.“三公”经费执行情况");
        threePublic.group("预算数").type("因公出国(境)费", 0).type("公务用车购置及运行维护费", 3).type("公务接待费", 2);
        threePublic.group("决算数").type("因公出国(境)费", 0).type("公务用车购置及运行维护费", 2.5).type("公务接待费", 1.2);
        form.group("4.政府采购执行情况").type("货物", 35).type("工程", 0).type("服务", 120);
        form.group("5.资产管理情况（年末）")
                .type("资产总额", 1260.5)
                .type("负债总额", 20.5)
                .type("净资产", 1240)
                .type("固定资产账面原值", 1100)
                .type("在用资产", 1050);
        form.group("与上年相比（选填）").type("运行经费增减", 5.2).type("专项经费增减", 120).type("说明", "专项经费增加主要是政务服务一体化平台建设资金。");
    }

    static void performance(FormFiller form) {
        form.item("1.整体绩效目标完成情况", 0).type("完成情况", "全年受理办件12.6万件，按时办结率99.2%，“一件事一次办”主题事项扩展到25个。");
        form.item("1.整体绩效目标完成情况", 1).type("完成情况", "政务服务一体化平台上线运行，依申请类事项网上可办率达到95%。");
        form.item("2.项目绩效目标完成情况", 0).type("项目名称", PROJECT_1).type("项目绩效目标完成情况", "大厅全年正常运行，进驻事项320项，群众满意度97%。");
        form.item("2.项目绩效目标完成情况", 1).type("项目名称", PROJECT_2).type("项目绩效目标完成情况", "平台按期建成并通过验收，实现与省一体化平台对接。");
    }

    /** 填写项目清单: the two projects, each with 主管部门 and 实施单位. */
    static void projectList(FormFiller form) {
        form.item(PROJECT_LIST, 0)
                .type("项目支出名称", PROJECT_1)
                .type("主管部门", "衡山县人民政府")
                .type("实施单位", "衡山县行政审批服务局");
        form.item(PROJECT_LIST, 1)
                .type("项目支出名称", PROJECT_2)
                .type("主管部门", "衡山县人民政府")
                .type("实施单位", "衡山县行政审批服务局");
    }

    /** 填写项目自评表 of {@link #PROJECT_1}: its form holds that project alone. */
    static void project1(FormFiller form) {
        FormFiller first = form.item(PROJECT_TABLE, 0);
        FormFiller funds = first.group("项目资金（万元）");
        funds.type("预算执行率分值", 10);
        funds.group("年度资金总额").type("年初预算数", 400).type("全年预算数", 400).type("全年执行数", EXECUTED_1);
        first.group("年度总体目标").type("预期目标", "保障政务服务大厅全年正常运行，进驻事项不少于300项。").type("实际完成情况", "大厅全年正常运行，进驻事项320项。");
        indicator(first, 0, "产出指标", "数量指标", "进驻事项数", "≥300项", "320项", 30, 30, null);
        indicator(first, 1, "产出指标", "时效指标", "办件按时办结率", "≥98%", "99.2%", 20, 20, null);
        indicator(first, 2, "效益指标", "社会效益指标", "群众办事便利度", "明显提升", "基本实现", 30, 27, "部分乡镇便民服务站点设备老化，下一步分批更新。");
        indicator(first, 3, "满意度指标", "服务对象满意度指标", "办事群众满意度", "≥95%", "97%", 10, 10, null);
    }

    /** 填写项目自评表 of {@link #PROJECT_2}, with the wrong weight {@link #WRONG_WEIGHT}. */
    static void project2(FormFiller form) {
        FormFiller second = form.item(PROJECT_TABLE, 0);
        FormFiller funds2 = second.group("项目资金（万元）");
        funds2.type("预算执行率分值", 10);
        funds2.group("年度资金总额").type("年初预算数", 160).type("全年预算数", 160).type("全年执行数", 152);
        funds2.group("其中：当年财政拨款").type("年初预算数", 100).type("全年预算数", 100).type("全年执行数", 95);
        funds2.group("上年结转资金").type("年初预算数", 60).type("全年预算数", 60).type("全年执行数", 57);
        second.group("年度总体目标").type("预期目标", "建成政务服务一体化平台并与省平台对接。").type("实际完成情况", "平台按期建成，通过验收并上线运行。");
        indicator(second, 0, "产出指标", "质量指标", "系统验收合格率", "100%", "100%", WRONG_WEIGHT, 50, null);
        indicator(second, 1, "效益指标", "可持续影响指标", "平台持续运行", "持续运行", "稳定运行", 30, 28, "个别时段系统响应较慢，将扩容服务器资源。");
        indicator(second, 2, "满意度指标", "服务对象满意度指标", "使用单位满意度", "≥90%", "93%", 10, 10, null);
    }

    /** The fix after the findings: the first indicator of the second project weighs {@link #RIGHT_WEIGHT}. */
    static void fixWeight(FormFiller form) {
        form.item(PROJECT_TABLE, 0).item("绩效指标", 0).type("分值", RIGHT_WEIGHT);
    }

    static void problems(FormFiller form) {
        form.type("概述（引导语）", "2023年我局预算整体支出保障了单位正常运转，但在预算执行中仍存在以下问题：");
        form.item("问题", 0).type("问题内容", "部分专项资金下达较晚，项目支出进度前慢后快。");
        form.item("问题", 1).type("问题内容", "绩效目标设置偏重产出，效益指标量化不足。");
        form.item("改进措施", 0).type("改进措施内容", "加强预算执行监控，按月调度专项资金支出进度。");
        form.item("改进措施", 1).type("改进措施内容", "细化绩效目标，增加可量化的效益指标。");
    }

    /** After the leader's return: the measures get who and by when. */
    static void problemsRevised(FormFiller form) {
        form.item("改进措施", 0).type("改进措施内容", "加强预算执行监控，由财务股按月调度专项资金支出进度，2024年3月底前建立月报制度。");
        form.item("改进措施", 1).type("改进措施内容", "由审批股牵头细化绩效目标，2024年编制预算时为每个项目增加可量化的效益指标。");
        form.item("改进措施", 2).type("改进措施内容", "由办公室负责，2024年6月底前完成乡镇便民服务站点设备更新。");
    }

    static void otherNotes(FormFiller form) {
        form.type("四、其他需要说明的情况", "无其他需要说明的情况。");
    }

    /** After the finance bureau's return: the platform's narrative gets its figures. */
    static void performanceRevised(FormFiller form) {
        form.item("2.项目绩效目标完成情况", 1).type("项目绩效目标完成情况", "平台按期建成并通过验收，实现与省一体化平台对接；上线依申请事项1,268项，网上可办率95%，全年网上办件8.3万件。");
    }

    private static void indicator(
            FormFiller project,
            int index,
            String level1,
            String level2,
            String name,
            String target,
            String actual,
            int weight,
            int score,
            String deviationNote) {
        FormFiller row = project.item("绩效指标", index);
        row.select("一级指标", level1)
                .type("二级指标", level2)
                .type("三级指标", name)
                .type("年度指标值", target)
                .type("实际完成值", actual)
                .type("分值", weight)
                .type("得分", score);
        if (deviationNote != null) {
            row.type("偏差原因分析及改进措施", deviationNote);
        }
    }
}
