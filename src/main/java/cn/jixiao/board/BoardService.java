package cn.jixiao.board;

import cn.jixiao.campaign.CampaignService;
import cn.jixiao.grading.DeployedGradeTable;
import cn.jixiao.security.CurrentUser;
import cn.jixiao.unit.Unit;
import cn.jixiao.unit.UnitService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Puts the board and the 本单位 view together from the store's few queries: who may see what (the finance bureau
 * and administrators the board; everyone their own units), today in the campaign's zone, the chart data as JSON.
 */
@Service
class BoardService {

    private final BoardStore store;
    private final CampaignService campaigns;
    private final UnitService units;
    private final DeployedGradeTable grades;
    private final ObjectMapper mapper;
    private final ZoneId zone;
    private final String publisher;

    BoardService(
            BoardStore store,
            CampaignService campaigns,
            UnitService units,
            DeployedGradeTable grades,
            ObjectMapper mapper,
            @Value("${jixiao.campaign.zone:Asia/Shanghai}") ZoneId zone,
            @Value("${jixiao.public.publisher:${jixiao.finance-group-name:财政局}}") String publisher) {
        this.store = store;
        this.campaigns = campaigns;
        this.units = units;
        this.grades = grades;
        this.mapper = mapper;
        this.zone = zone;
        this.publisher = publisher;
    }

    /** The finance bureau and administrators see the board and download the workbook. */
    boolean seesBoard(CurrentUser user) {
        return campaigns.runsCampaigns(user);
    }

    Optional<Integer> latestYear() {
        return store.years().stream().findFirst();
    }

    /** The board of a year, or empty when the year has no campaign. */
    Optional<String> board(int fiscalYear, BoardQuery requested, CurrentUser user) {
        Optional<BoardStore.Campaign> campaign = store.campaign(fiscalYear);
        if (campaign.isEmpty()) {
            return Optional.empty();
        }
        Tally tally = store.tally(fiscalYear, zone);
        BoardStore.Counts counts = tally.counts();
        BoardStore.Page page = store.page(fiscalYear, requested, counts.total());
        BoardQuery query = requested;
        int pages = (int) Math.max(1, (page.total() + BoardQuery.PAGE_SIZE - 1) / BoardQuery.PAGE_SIZE);
        if (query.page() > pages) {
            query = query.onPage(pages);
            page = store.page(fiscalYear, query, counts.total());
        }
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
        LocalDate deadline = campaign.get().deadline();
        LocalDate start = campaign.get().launchedAt() == null
                ? today
                : LocalDate.ofInstant(campaign.get().launchedAt(), zone);
        Map<String, Object> charts = ChartData.of(
                tally.submissionsPerDay(),
                deadline,
                start,
                Histogram.of(tally.scoreBins(), grades.current()),
                tally.gradesBySupervisor(),
                GRADES,
                counts.total());
        return Optional.of(BoardPage.render(new BoardPage.Model(
                publisher,
                fiscalYear,
                store.years(),
                deadline,
                today,
                counts,
                query,
                page,
                tally.supervisors(),
                json(charts),
                user.isAdmin(),
                zone)));
    }

    static final List<String> GRADES = List.of("优", "良", "中", "差");

    /** 本单位: the user's units (as clerk or leader), each with its reports over the years. */
    String unitView(CurrentUser user) {
        TreeSet<String> codes = new TreeSet<>(user.clerkUnits());
        codes.addAll(user.leaderUnits());
        List<UnitPage.UnitSection> sections = new ArrayList<>();
        for (String code : codes) {
            List<BoardStore.UnitYear> years = store.unitYears(code);
            List<Integer> trendYears = new ArrayList<>();
            List<Object> scores = new ArrayList<>();
            for (BoardStore.UnitYear year : years) {
                trendYears.add(year.fiscalYear());
                scores.add(year.totalScore());
            }
            sections.add(new UnitPage.UnitSection(
                    code,
                    units.find(code).map(Unit::name).orElse(code),
                    years,
                    json(Map.of("trend", Map.of("years", trendYears, "scores", scores)))));
        }
        return UnitPage.render(publisher, sections);
    }

    /** JSON safe inside a script element: no "<" (so no closing tag), no line separators. */
    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value)
                    .replace("<", "\\u003c")
                    .replace("\u2028", "\\u2028")
                    .replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
