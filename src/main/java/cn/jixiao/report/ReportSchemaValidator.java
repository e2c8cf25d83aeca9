package cn.jixiao.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates a report against report.schema.json (the import/export contract) and turns every violation into a
 * JSON pointer plus a Chinese message that names the field by its label. Thread-safe; build once.
 */
public final class ReportSchemaValidator {

    public static final String SCHEMA_RESOURCE = "/report.schema.json";
    private static final String BASE_URI = "https://jixiao.cn/schema/report.schema.json";

    private final JsonNode schemaNode;
    private final JsonSchema schema;
    private final SchemaLabels labels;

    public ReportSchemaValidator(JsonNode schemaNode) {
        this.schemaNode = schemaNode;
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        // The schema's $id is relative; give it a base so it resolves (nothing is fetched: the node is given).
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(BASE_URI), schemaNode, config);
        this.labels = new SchemaLabels(schemaNode);
    }

    /** The validator for the schema shipped on the classpath. */
    public static ReportSchemaValidator fromClasspath(ObjectMapper mapper) {
        try (InputStream in = ReportSchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCHEMA_RESOURCE);
            }
            return new ReportSchemaValidator(mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode schema() {
        return schemaNode;
    }

    public SchemaLabels labels() {
        return labels;
    }

    /** Every violation of the whole report, sorted by pointer; empty when the report is valid. */
    public List<Violation> validate(JsonNode report) {
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(report)) {
            violations.add(toViolation(message));
        }
        if (report != null && report.isObject()) {
            checkDecimals(report, "", violations);
        }
        violations.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::message));
        return List.copyOf(violations);
    }

    /**
     * The report with every number typed as text (１２３, 1,234.5, 12万元 — by a REST client or a form) read into
     * the exact number it stands for, and the texts that are no such number refused with a message naming the field.
     * Nothing else changes; a report without such texts comes back as it is (the same node).
     */
    public TypedReport readTypedNumbers(JsonNode report) {
        if (report == null || !report.isContainerNode()) {
            return new TypedReport(report, List.of());
        }
        JsonNode out = report;
        List<Violation> refused = new ArrayList<>();
        for (ValidationMessage message : schema.validate(report)) {
            JsonNode instance = message.getInstanceNode();
            JsonNode rule = message.getSchemaNode();
            if (!"type".equals(message.getType())
                    || instance == null
                    || !instance.isTextual()
                    || rule == null
                    || !("number".equals(rule.asText()) || "integer".equals(rule.asText()))) {
                continue;
            }
            String pointer = message.getInstanceLocation() == null
                    ? ""
                    : message.getInstanceLocation().toString();
            String location = message.getSchemaLocation() == null
                    ? ""
                    : message.getSchemaLocation().toString();
            boolean integer = "integer".equals(rule.asText());
            boolean amount = location.contains("/$defs/amount/") || location.contains("/$defs/signedAmount/");
            String unit = amount ? "万元" : location.contains("/$defs/points/") ? "分" : null;
            TypedNumber.Reading reading = TypedNumber.read(instance.asText(), unit, integer ? 0 : amount ? 4 : 2);
            if (reading.value() == null) {
                String problem = reading.problem() == null ? "不能为空" : reading.problem();
                refused.add(new Violation(
                        pointer, "「" + labels.pathLabel(pointer) + "」" + problem + "，实填「" + instance.asText() + "」"));
                continue;
            }
            if (out == report) {
                out = report.deepCopy();
            }
            replace(
                    out,
                    pointer,
                    integer && reading.value().scale() <= 0
                            ? JsonNodeFactory.instance.numberNode(
                                    reading.value().toBigInteger())
                            : JsonNodeFactory.instance.numberNode(reading.value()));
        }
        refused.sort(Comparator.comparing(Violation::pointer));
        return new TypedReport(out, List.copyOf(refused));
    }

    /**
     * The report without the empty texts of optional fields. A form submits a text field left empty as "", and for an
     * optional text the schema wants non-empty when given (差异产生的主要原因, 评价结论, 预算调整原因, …) that means "not
     * given", not "given empty". A required text left empty stays, so that it is refused as 不能为空; items of lists
     * stay (their emptiness is the clerk's to fix). A report without such texts comes back as it is (the same node).
     */
    public JsonNode withoutEmptyOptionalTexts(JsonNode report) {
        if (report == null || !report.isContainerNode()) {
            return report;
        }
        List<String> empty = new ArrayList<>();
        for (ValidationMessage message : schema.validate(report)) {
            JsonNode instance = message.getInstanceNode();
            String pointer = message.getInstanceLocation() == null
                    ? ""
                    : message.getInstanceLocation().toString();
            int slash = pointer.lastIndexOf('/');
            if ("minLength".equals(message.getType())
                    && instance != null
                    && instance.isTextual()
                    && instance.asText().isEmpty()
                    && slash > 0
                    && report.at(pointer.substring(0, slash)).isObject()) {
                empty.add(pointer);
            }
        }
        if (empty.isEmpty()) {
            return report;
        }
        JsonNode out = report.deepCopy();
        empty.forEach(pointer -> remove(out, pointer));
        List<String> required = validate(out).stream().map(Violation::pointer).toList();
        for (String pointer : empty) {
            if (required.contains(pointer)) {
                replace(out, pointer, JsonNodeFactory.instance.textNode(""));
            }
        }
        return out;
    }

    private static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        if (root.at(pointer.substring(0, slash)) instanceof ObjectNode object) {
            object.remove(pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~"));
        }
    }

    /** A report after {@link #readTypedNumbers}: the numbers read, and the texts refused. */
    public record TypedReport(JsonNode report, List<Violation> refused) {}

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(slash <= 0 ? "" : pointer.substring(0, slash));
        String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(key, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(key), value);
        }
    }

    /** Violations whose pointer lies inside the given top-level key (one section of the report). */
    public List<Violation> validateSection(JsonNode report, String sectionKey) {
        String prefix = "/" + sectionKey;
        return validate(report).stream()
                .filter(v -> v.pointer().equals(prefix) || v.pointer().startsWith(prefix + "/"))
                .toList();
    }

    private Violation toViolation(ValidationMessage message) {
        String pointer = message.getInstanceLocation() == null
                ? ""
                : message.getInstanceLocation().toString();
        if ("/".equals(pointer)) {
            pointer = "";
        }
        Object[] args = message.getArguments() == null ? new Object[0] : message.getArguments();
        String type = message.getType() == null ? "" : message.getType();
        JsonNode rule = message.getSchemaNode();
        String problem;
        switch (type) {
            case "required" -> {
                String property = message.getProperty() != null ? message.getProperty() : String.valueOf(arg(args, 0));
                pointer = pointer + "/" + escape(property);
                problem = "为必填项，不能缺少";
            }
            case "additionalProperties" -> {
                String property = message.getProperty() != null ? message.getProperty() : String.valueOf(arg(args, 0));
                pointer = pointer + "/" + escape(property);
                problem = "是报告格式中没有的字段「" + property + "」，请删除";
            }
            case "type" -> problem = "类型不正确，应为" + typeName(rule) + "，实为" + actualType(message.getInstanceNode());
            case "minimum" -> problem = "不能小于" + plain(rule) + "，实填" + valueText(message.getInstanceNode());
            case "maximum" -> problem = "不能大于" + plain(rule) + "，实填" + valueText(message.getInstanceNode());
            case "minLength" -> problem = rule != null && rule.asInt() <= 1 ? "不能为空" : "至少需要" + plain(rule) + "个字符";
            case "maxLength" -> problem = "不能超过" + plain(rule) + "个字符";
            case "minItems" -> problem = "至少需要填写" + plain(rule) + "项";
            case "maxItems" -> problem = "最多只能填写" + plain(rule) + "项";
            case "const" -> problem = "必须为" + plain(rule);
            case "enum" -> problem = "必须是以下之一：" + enumText(rule);
            // The only patterns are on names shown inside forms and documents: no markup characters there.
            case "pattern" -> problem = "不能包含 < > [ ] 等标记符号，实填" + valueText(message.getInstanceNode());
            default -> problem = "不符合报告格式（" + type + "）";
        }
        return new Violation(pointer, "「" + labels.pathLabel(pointer) + "」" + problem);
    }

    /**
     * Amounts are exact decimals with at most four places (万元 to the yuan, as townships publish them), scores and
     * every other number at most two (分); the schema cannot say so.
     */
    private void checkDecimals(JsonNode node, String pointer, List<Violation> out) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            int scale = value.stripTrailingZeros().scale();
            if (scale > 2) {
                boolean amount = labels.isAmount(pointer);
                if (!amount || scale > 4) {
                    out.add(new Violation(
                            pointer,
                            "「" + labels.pathLabel(pointer) + "」最多保留" + (amount ? "四" : "两") + "位小数，实填"
                                    + node.asText()));
                }
            }
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkDecimals(node.get(i), pointer + "/" + i, out);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkDecimals(field.getValue(), pointer + "/" + escape(field.getKey()), out);
            }
        }
    }

    private static Object arg(Object[] args, int i) {
        return args.length > i ? args[i] : "";
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String plain(JsonNode rule) {
        if (rule == null) {
            return "";
        }
        return rule.isNumber() ? rule.decimalValue().stripTrailingZeros().toPlainString() : rule.asText();
    }

    private static String valueText(JsonNode value) {
        if (value == null) {
            return "";
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    private static String enumText(JsonNode rule) {
        if (rule == null || !rule.isArray()) {
            return "";
        }
        List<String> values = new ArrayList<>();
        rule.forEach(v -> values.add(v.asText()));
        return String.join("、", values);
    }

    private static String typeName(JsonNode rule) {
        String type = rule == null ? "" : rule.asText();
        return switch (type) {
            case "number" -> "数字";
            case "integer" -> "整数";
            case "string" -> "文本";
            case "object" -> "对象";
            case "array" -> "列表";
            case "boolean" -> "是/否";
            default -> type;
        };
    }

    private static String actualType(JsonNode value) {
        if (value == null || value.isNull()) {
            return "空值";
        }
        if (value.isIntegralNumber()) {
            return "整数";
        }
        if (value.isNumber()) {
            return "数字";
        }
        if (value.isTextual()) {
            return "文本";
        }
        if (value.isArray()) {
            return "列表";
        }
        if (value.isObject()) {
            return "对象";
        }
        return value.getNodeType().name().toLowerCase();
    }
}
