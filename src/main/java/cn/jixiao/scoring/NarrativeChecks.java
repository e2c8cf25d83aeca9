package cn.jixiao.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NARRATIVE_PROJECT_UNKNOWN: every 项目绩效目标完成情况 narrative must name a project of the tables, and every
 * project needs a narrative. Names are compared after NFKC normalisation with white space removed.
 */
final class NarrativeChecks {

    private NarrativeChecks() {}

    static List<Finding> check(JsonNode report) {
        List<JsonNode> projects = JsonFields.elements(report, "projects");
        List<JsonNode> narratives = JsonFields.elements(JsonFields.object(report, "performance"), "projectNarratives");

        Set<String> projectNames = new HashSet<>();
        projects.forEach(p -> projectNames.add(key(JsonFields.text(p, "name"))));
        Set<String> narratedNames = new HashSet<>();
        narratives.forEach(n -> narratedNames.add(key(JsonFields.text(n, "projectName"))));

        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < narratives.size(); i++) {
            String name = JsonFields.text(narratives.get(i), "projectName");
            if (!projectNames.contains(key(name))) {
                findings.add(Finding.warning(
                        FindingCodes.NARRATIVE_PROJECT_UNKNOWN,
                        "/performance/projectNarratives/" + i,
                        "项目绩效目标完成情况所述项目“" + nullToEmpty(name) + "”不在预算支出绩效自评表的项目中"));
            }
        }
        for (int i = 0; i < projects.size(); i++) {
            String name = JsonFields.text(projects.get(i), "name");
            if (!narratedNames.contains(key(name))) {
                findings.add(Finding.warning(
                        FindingCodes.NARRATIVE_PROJECT_UNKNOWN,
                        "/projects/" + i,
                        "项目“" + nullToEmpty(name) + "”没有对应的项目绩效目标完成情况"));
            }
        }
        return findings;
    }

    private static String key(String name) {
        return name == null ? "" : Quantity.normalize(name);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
