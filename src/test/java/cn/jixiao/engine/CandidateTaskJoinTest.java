package cn.jixiao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CandidateTaskJoinTest {

    private static final String LIST = "select distinct RES.REV_, RES.ID_, RES.NAME_ from ACT_RU_TASK RES\n  left join "
            + "ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN "
            + "( ? , ? ) ) ) and RES.SUSPENSION_STATE_ = 1 ) and (RES.TENANT_ID_ is null ) order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?";
    private static final String COUNT =
            "select count(distinct RES.ID_ ) from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I "
                    + "on I.TASK_ID_ = RES.ID_ WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) and "
                    + "RES.SUSPENSION_STATE_ = 1 ) and (RES.TENANT_ID_ is null )";

    @Test
    void theCandidateGroupsQueryBecomesTheInnerJoinItMeans() {
        assertThat(CandidateTaskJoin.innerJoin(LIST)).hasValueSatisfying(sql -> {
            assertThat(sql)
                    .contains("inner join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_")
                    .doesNotContain("left join");
            assertThat(sql).endsWith("order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?");
        });
        assertThat(CandidateTaskJoin.innerJoin(COUNT))
                .hasValueSatisfying(sql ->
                        assertThat(sql).startsWith("select count(distinct RES.ID_ ) from ACT_RU_TASK RES inner join"));
    }

    @Test
    void anyOtherConditionLeavesTheQueryAsItIs() {
        String withOr = LIST.replace(
                "( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) )",
                "( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) or RES.ASSIGNEE_ = ? )");
        assertThat(CandidateTaskJoin.innerJoin(withOr)).isEmpty();
        String withAssignee =
                LIST.replace("and RES.SUSPENSION_STATE_ = 1", "and RES.ASSIGNEE_ = ? and RES.SUSPENSION_STATE_ = 1");
        assertThat(CandidateTaskJoin.innerJoin(withAssignee)).isEmpty();
        String withAuthorization = LIST.replace(
                "and (RES.TENANT_ID_ is null )", "and (RES.TENANT_ID_ is null ) AND AUTH.RESOURCE_ID_ IS NOT NULL");
        assertThat(CandidateTaskJoin.innerJoin(withAuthorization)).isEmpty();
        assertThat(CandidateTaskJoin.innerJoin("select * from ACT_RU_TASK where ID_ = ?"))
                .isEmpty();
    }
}
