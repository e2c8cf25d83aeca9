package cn.jixiao.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the project's Chinese ({@code zh}) overrides of the Camunda webapps (see docs/LOCALE.md).
 *
 * <p>The originals come from the {@code camunda-webapp-webjar} on the test classpath (a dependency of
 * {@code camunda-bpm-spring-boot-starter-webapp}); the overrides come from {@code src/main/resources}, i.e. the
 * {@code target/classes} directory. When Camunda is upgraded, these tests fail until the overrides are brought in
 * line with the new webjar: new or removed keys in {@code en.json}, or a changed original {@code config.js}.
 */
class LocaleFilesTest {

    private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";

    /** The apps whose {@code config.js} is overridden to offer {@code zh} and which therefore need a zh.json. */
    static Stream<String> apps() {
        return Stream.of("tasklist", "welcome", "cockpit", "admin");
    }

    /**
     * Label values that may stay without Chinese characters: product names and technical identifiers that are
     * used as-is in Chinese user interfaces too. Values without any Latin letter (e.g. "<=", "") are always fine.
     */
    private static final Set<String> ALLOWED_NON_CHINESE = Set.of(
            "Camunda",
            "ID",
            "ID*",
            "ID:",
            "BPMN",
            "DMN",
            "CMMN",
            "XML",
            "JSON",
            "CSV",
            "Java",
            "Spin",
            "Optimize",
            "API",
            "HTTP",
            "URL",
            "FEEL",
            "JUEL",
            "Groovy",
            "JavaScript",
            "Python",
            "Ruby");

    /**
     * A few Cockpit labels are only the English plural suffix "s" appended to another label; Chinese has no plural
     * form, so their translation is the empty string. Every other value must be non-empty where en.json's is.
     */
    private static final String PLURAL_SUFFIX = "s";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern MOMENT_TOKEN = Pattern.compile("%[sd]");
    private static final Pattern HTML_TAG =
            Pattern.compile("</?(a|br|strong|b|i|em|code|span|p|ul|ol|li|div|pre)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final Pattern LATIN_LETTER = Pattern.compile("[A-Za-z]");

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @ParameterizedTest
    @MethodSource("apps")
    void zhHasExactlyTheKeysOfTheWebjarEnglishLocale(String app) throws IOException {
        JsonNode en = readJson(webjarResource(app, "locales/en.json"));
        JsonNode zh = readJson(projectResource(app, "locales/zh.json"));
        List<String> problems = new ArrayList<>();
        compareStructure("", en, zh, problems);
        assertTrue(
                problems.isEmpty(),
                app + "/locales/zh.json differs in structure from the webjar's en.json:\n  "
                        + String.join("\n  ", problems));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void zhValuesAreNonEmptyAndKeepPlaceholdersAndMarkup(String app) throws IOException {
        JsonNode en = readJson(webjarResource(app, "locales/en.json"));
        JsonNode zh = readJson(projectResource(app, "locales/zh.json"));
        List<String> problems = new ArrayList<>();
        compareValues("", en, zh, problems);
        assertTrue(problems.isEmpty(), app + "/locales/zh.json:\n  " + String.join("\n  ", problems));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void zhLabelsAreChinese(String app) throws IOException {
        JsonNode en = readJson(webjarResource(app, "locales/en.json")).get("labels");
        JsonNode zh = readJson(projectResource(app, "locales/zh.json")).get("labels");
        assertNotNull(zh, "zh.json has no labels");
        int total = 0;
        int chinese = 0;
        List<String> untranslated = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = zh.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String value = e.getValue().asText();
            total++;
            if (CJK.matcher(value).find()) {
                chinese++;
            } else if (LATIN_LETTER.matcher(value).find() && !ALLOWED_NON_CHINESE.contains(value.trim())) {
                JsonNode original = en.get(e.getKey());
                untranslated.add(e.getKey() + " = \"" + value + "\""
                        + (original != null && original.asText().equals(value) ? " (still the English text)" : ""));
            }
        }
        assertTrue(
                untranslated.isEmpty(),
                app + "/locales/zh.json has labels without Chinese text:\n  " + String.join("\n  ", untranslated));
        assertTrue(
                chinese >= total * 0.95,
                app + ": only " + chinese + " of " + total + " labels contain Chinese characters");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void configJsOffersZhWithEnglishFallback(String app) throws IOException {
        String config = read(projectResource(app, "scripts/config.js"));
        String code = stripComments(config);
        assertTrue(
                Pattern.compile("locales\\s*:\\s*\\{\\s*availableLocales\\s*:\\s*\\[\\s*'zh'\\s*,\\s*'en'\\s*]\\s*,"
                                + "\\s*fallbackLocale\\s*:\\s*'en'\\s*}")
                        .matcher(code)
                        .find(),
                app + "/scripts/config.js must set locales: { availableLocales: ['zh', 'en'], fallbackLocale: 'en' }");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void configJsKeepsEverythingOfTheWebjarOriginal(String app) throws IOException {
        String original = normalize(stripComments(read(webjarResource(app, "scripts/config.js"))));
        String ours = normalize(stripComments(read(projectResource(app, "scripts/config.js"))))
                .replace("locales:{availableLocales:['zh','en'],fallbackLocale:'en'},", "")
                // The Tasklist also loads the project's scripts (form speed, 完成 on forms with dynamic lists, form-js's
                // texts in Chinese, ...).
                .replace(
                        "customScripts:['scripts/form-speed','scripts/form-validity','scripts/form-texts-zh','scripts/auto-claim','scripts/number-input','scripts/time-language','scripts/task-tabs','scripts/task-list-size','scripts/board-link'],",
                        "")
                // The Welcome page lists 报送进度 among its applications.
                .replace(
                        "links:[{label:'报送进度',href:'/board',description:'财政局：各单位报送进度、图表和汇总表下载；预算单位：本单位历年自评得分与名次'}],",
                        "")
                // The Tasklist names the product in its header.
                .replace("app:{name:'绩效自评',vendor:'部门整体支出'},", "");
        assertEquals(
                original,
                ours,
                app + "/scripts/config.js must equal the webjar original apart from the locales"
                        + " block (and the Tasklist's scripts and product name); re-derive it from the new original after a Camunda upgrade (docs/LOCALE.md)");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void projectOverridesWinOnTheClasspath(String app) {
        ClassLoader cl = LocaleFilesTest.class.getClassLoader();
        for (String file : List.of("scripts/config.js", "locales/zh.json")) {
            URL first = cl.getResource(APP_ROOT + app + "/" + file);
            assertNotNull(first, file);
            assertEquals(
                    "file",
                    first.getProtocol(),
                    "the first " + app + "/" + file + " on the classpath must be the project's own copy, not " + first);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void compareStructure(String path, JsonNode en, JsonNode zh, List<String> problems) {
        if (en.isObject()) {
            if (!zh.isObject()) {
                problems.add(path + ": expected an object");
                return;
            }
            Set<String> enKeys = fieldNames(en);
            Set<String> zhKeys = fieldNames(zh);
            for (String k : enKeys) {
                if (!zhKeys.contains(k)) {
                    problems.add("missing key " + path + k);
                } else {
                    compareStructure(path + k + ".", en.get(k), zh.get(k), problems);
                }
            }
            for (String k : zhKeys) {
                if (!enKeys.contains(k)) {
                    problems.add("extra key " + path + k);
                }
            }
        } else if (en.isArray()) {
            if (!zh.isArray() || zh.size() != en.size()) {
                problems.add(path + ": expected an array of " + en.size() + " elements");
                return;
            }
            for (int i = 0; i < en.size(); i++) {
                compareStructure(path + i + ".", en.get(i), zh.get(i), problems);
            }
        } else if (en.getNodeType() != zh.getNodeType()) {
            problems.add(path + ": expected a " + en.getNodeType() + " but found a " + zh.getNodeType());
        } else if (en.isNumber() && !en.equals(zh)) {
            problems.add(path + ": numbers must stay as in en.json (" + en + ")");
        }
    }

    private static void compareValues(String path, JsonNode en, JsonNode zh, List<String> problems) {
        if (en.isContainerNode()) {
            if (zh == null || !zh.isContainerNode()) {
                return; // reported by the structure test
            }
            if (en.isObject()) {
                en.fieldNames().forEachRemaining(k -> compareValues(path + k + ".", en.get(k), zh.get(k), problems));
            } else {
                for (int i = 0; i < en.size() && i < zh.size(); i++) {
                    compareValues(path + i + ".", en.get(i), zh.get(i), problems);
                }
            }
            return;
        }
        if (!en.isTextual() || zh == null || !zh.isTextual()) {
            return;
        }
        String key = path.substring(0, path.length() - 1);
        String e = en.asText();
        String z = zh.asText();
        if (z.isBlank() && !e.isBlank() && !PLURAL_SUFFIX.equals(e)) {
            problems.add(key + " is empty");
        }
        same(key, "placeholders", tokens(PLACEHOLDER, e, 1), tokens(PLACEHOLDER, z, 1), problems);
        same(key, "%s/%d tokens", tokens(MOMENT_TOKEN, e, 0), tokens(MOMENT_TOKEN, z, 0), problems);
        same(key, "HTML tags", tokens(HTML_TAG, e, 0), tokens(HTML_TAG, z, 0), problems);
        same(key, "links", tokens(HREF, e, 1), tokens(HREF, z, 1), problems);
    }

    private static void same(String key, String what, List<String> en, List<String> zh, List<String> problems) {
        if (!en.equals(zh)) {
            problems.add(key + ": " + what + " differ, en " + en + " vs zh " + zh);
        }
    }

    private static List<String> tokens(Pattern p, String s, int group) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group(group).replaceAll("\\s+", ""));
        }
        Collections.sort(out);
        return out;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String stripComments(String js) {
        return js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    private static String normalize(String js) {
        return js.replaceAll("\\s+", "").replace('"', '\'');
    }

    private static URL webjarResource(String app, String file) throws IOException {
        return single(app, file, true);
    }

    private static URL projectResource(String app, String file) throws IOException {
        return single(app, file, false);
    }

    private static URL single(String app, String file, boolean inJar) throws IOException {
        String path = APP_ROOT + app + "/" + file;
        List<URL> found = new ArrayList<>();
        for (URL url : Collections.list(LocaleFilesTest.class.getClassLoader().getResources(path))) {
            if ("jar".equals(url.getProtocol()) == inJar) {
                found.add(url);
            }
        }
        if (found.size() != 1) {
            fail("expected exactly one " + (inJar ? "webjar" : "project") + " copy of " + path + " but found " + found);
        }
        return found.get(0);
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s; // the webjar's JSON files start with a BOM
        }
    }

    private static JsonNode readJson(URL url) throws IOException {
        return JSON.readTree(read(url));
    }
}
