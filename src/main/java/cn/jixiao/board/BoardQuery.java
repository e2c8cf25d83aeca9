package cn.jixiao.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the board's table shows: the filters (阶段, 逾期, 主管部门, a unit name or code), the column sorted by and its
 * direction, and the page. Read from the request leniently (an unknown value is ignored, never an error page), and
 * turned into portable SQL (H2 and PostgreSQL) whose values are all bound parameters: only the whitelisted sort
 * expressions below ever enter the statement's text. Paging is OFFSET … FETCH in the database, so 10,000 units cost
 * one page of rows.
 */
record BoardQuery(
        String stage,
        boolean overdueOnly,
        String supervisor,
        String search,
        String sort,
        boolean descending,
        int page) {

    static final int PAGE_SIZE = 50;

    /** Sortable columns: key → SQL expression over cu (jx_campaign_unit), r (jx_report), u (jx_unit). */
    static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("unit", "COALESCE(u.name, cu.unit_code)");
        SORTS.put("supervisor", "u.supervisor");
        SORTS.put(
                "stage",
                "CASE WHEN r.stage IS NULL THEN 0 WHEN r.stage = 'drafting' THEN 1"
                        + " WHEN r.stage = 'internalReview' THEN 2 WHEN r.stage = 'financeReview' THEN 3"
                        + " WHEN r.stage = 'accepted' THEN 4 WHEN r.stage = 'published' THEN 5 ELSE 6 END");
        SORTS.put("overdue", "CASE WHEN cu.overdue THEN 1 ELSE 0 END");
        SORTS.put("submitted", "cu.submitted_at");
        SORTS.put("score", "r.total_score");
        SORTS.put("grade", "r.total_score");
        SORTS.put("errors", "r.error_count");
        SORTS.put("warnings", "r.warning_count");
    }

    static BoardQuery read(
            String stage, String overdue, String supervisor, String search, String sort, String dir, String page) {
        String s = blankToNull(stage);
        return new BoardQuery(
                s != null && StageNames.known(s) ? s : null,
                "1".equals(overdue) || "true".equalsIgnoreCase(overdue) || "on".equalsIgnoreCase(overdue),
                blankToNull(supervisor),
                limit(blankToNull(search), 100),
                sort != null && SORTS.containsKey(sort) ? sort : "unit",
                "desc".equalsIgnoreCase(dir),
                Math.max(1, parsePage(page)));
    }

    /** The default: every unit, by name, first page. */
    static BoardQuery all() {
        return new BoardQuery(null, false, null, null, "unit", false, 1);
    }

    /** The WHERE clause after {@code cu.fiscal_year = ?}, and its parameters. */
    Where where() {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (stage != null) {
            if (StageNames.NOT_STARTED.equals(stage)) {
                sql.append(" AND r.instance_id IS NULL");
            } else {
                sql.append(" AND r.stage = ?");
                args.add(stage);
            }
        }
        if (overdueOnly) {
            sql.append(" AND cu.overdue = ?");
            args.add(true);
        }
        if (supervisor != null) {
            sql.append(" AND u.supervisor = ?");
            args.add(supervisor);
        }
        if (search != null) {
            sql.append(" AND (LOWER(u.name) LIKE ? ESCAPE '!' OR LOWER(cu.unit_code) LIKE ? ESCAPE '!')");
            String pattern = "%" + likeEscaped(search.toLowerCase(java.util.Locale.ROOT)) + "%";
            args.add(pattern);
            args.add(pattern);
        }
        return new Where(sql.toString(), args);
    }

    /** ORDER BY: the column, nulls last whichever the direction, then the unit code so pages never overlap. */
    String orderBy() {
        return " ORDER BY " + SORTS.get(sort) + (descending ? " DESC" : " ASC") + " NULLS LAST, cu.unit_code";
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    /** The same query on another page. */
    BoardQuery onPage(int other) {
        return new BoardQuery(stage, overdueOnly, supervisor, search, sort, descending, Math.max(1, other));
    }

    /** The same filters sorted by a column: the other direction when already sorted by it; back to the first page. */
    BoardQuery sortedBy(String column) {
        boolean desc = column.equals(sort) ? !descending : "score".equals(column) || "grade".equals(column);
        return new BoardQuery(stage, overdueOnly, supervisor, search, column, desc, 1);
    }

    /** This query as a query string for links (values URL-encoded). */
    String queryString() {
        List<String> parts = new ArrayList<>();
        add(parts, "stage", stage);
        add(parts, "overdue", overdueOnly ? "1" : null);
        add(parts, "supervisor", supervisor);
        add(parts, "q", search);
        add(parts, "sort", sort);
        add(parts, "dir", descending ? "desc" : "asc");
        add(parts, "page", page == 1 ? null : String.valueOf(page));
        return String.join("&", parts);
    }

    record Where(String sql, List<Object> args) {}

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static int parsePage(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
