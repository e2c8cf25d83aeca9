package cn.jixiao.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.DocPropsCorePart;
import org.docx4j.openpackaging.parts.JaxbXmlPart;
import org.docx4j.openpackaging.parts.PartName;
import org.docx4j.openpackaging.parts.WordprocessingML.DocumentSettingsPart;
import org.docx4j.openpackaging.parts.WordprocessingML.FontTablePart;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.openpackaging.parts.WordprocessingML.StyleDefinitionsPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.Body;
import org.docx4j.wml.CTDocGrid;
import org.docx4j.wml.Document;
import org.docx4j.wml.FooterReference;
import org.docx4j.wml.HdrFtrRef;
import org.docx4j.wml.HeaderReference;
import org.docx4j.wml.STDocGrid;
import org.docx4j.wml.SectPr;

/**
 * Renders the final 部门整体支出绩效自评报告 (or, for a report of {@code "scope": "projects"}, the 项目支出绩效自评表
 * alone with their title page) as a .docx (WordprocessingML, GB/T 9704-2012 layout) from a report
 * (report.schema.json) and its evaluation (docs/RULES.md "The evaluation, as JSON"). Pure: no I/O besides the
 * returned bytes, no shared mutable state, so one instance may serve any number of threads.
 *
 * <p>All figures the report derives (较预算增加, 占总支出的, totals, 资产使用率) are computed here with BigDecimal; the
 * scores, 执行率 and 等级 of the 自评表 are the evaluation's. See docs/DOCUMENT.md.
 */
public final class ReportDocument {

    private static final Pattern UNSAFE_FILE_NAME = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");
    private static final String DOCUMENT_SUFFIX = "部门整体支出绩效自评报告.docx";
    private static final String TABLES_SUFFIX = "项目支出绩效自评表.docx";

    /**
     * Loads the docx4j JAXB context and renders a tiny report once, so that the first real render is fast. Call it
     * at start-up; calling it again is harmless.
     */
    public static void warmUp() {
        new ReportDocument().render(tinyReport(), null, DocumentOptions.reviewCopy(LocalDate.of(2000, 1, 1)));
    }

    /**
     * The report as .docx bytes.
     *
     * @param report     the report, schema-valid (optional fields may be absent)
     * @param evaluation its evaluation; null renders the 自评表 scores as "—"
     * @param options    draft header and the date of the 落款
     * @throws DocumentException when docx4j cannot build or write the package
     */
    public byte[] render(JsonNode report, JsonNode evaluation, DocumentOptions options) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(options, "options");
        try {
            WordprocessingMLPackage pkg = new WordprocessingMLPackage();
            MainDocumentPart main = new MainDocumentPart();
            Document document = new Document();
            Body body = new Body();
            document.setBody(body);
            main.setJaxbElement(document);
            pkg.addTargetPart(main);

            main.addTargetPart(part(new StyleDefinitionsPart(), DocStyles.XML));
            main.addTargetPart(part(new FontTablePart(), StaticParts.FONT_TABLE_XML));
            main.addTargetPart(part(new DocumentSettingsPart(), StaticParts.SETTINGS_XML));

            SectPr sectPr = sectionProperties();
            footer(main, sectPr, "/word/footer1.xml", HdrFtrRef.DEFAULT, StaticParts.FOOTER_ODD_XML);
            footer(main, sectPr, "/word/footer2.xml", HdrFtrRef.EVEN, StaticParts.FOOTER_EVEN_XML);
            if (options.draft()) {
                header(main, sectPr, "/word/header1.xml", HdrFtrRef.DEFAULT);
                header(main, sectPr, "/word/header2.xml", HdrFtrRef.EVEN);
            }

            body.getContent().addAll(ReportBody.build(ReportContent.of(report, evaluation, options.date())));
            body.setSectPr(sectPr);

            DocPropsCorePart core = new DocPropsCorePart();
            core.unmarshal(new ByteArrayInputStream(
                    StaticParts.coreProperties(ReportText.title(report), ReportText.unitName(report), options.draft())
                            .getBytes(StandardCharsets.UTF_8)));
            pkg.addTargetPart(core);

            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            pkg.save(out);
            return out.toByteArray();
        } catch (Docx4JException | JAXBException e) {
            throw new DocumentException("cannot render the report document", e);
        }
    }

    /**
     * {@code {年度}年度{单位名称}部门整体支出绩效自评报告.docx} ({@code …项目支出绩效自评表.docx} for a report of the
     * tables alone); characters that file systems refuse (\ / : * ? " < > |
     * and controls) become "_".
     */
    public static String fileName(JsonNode report) {
        Objects.requireNonNull(report, "report");
        String unit = UNSAFE_FILE_NAME.matcher(ReportText.unitName(report)).replaceAll("_");
        return ReportText.year(report) + "年度" + unit
                + (ReportText.projectsOnly(report) ? TABLES_SUFFIX : DOCUMENT_SUFFIX);
    }

    private static <T extends JaxbXmlPart<?>> T part(T part, String xml) throws JAXBException {
        @SuppressWarnings("unchecked")
        JaxbXmlPart<Object> untyped = (JaxbXmlPart<Object>) part;
        untyped.setJaxbElement(XmlUtils.unwrap(XmlUtils.unmarshalString(xml)));
        return part;
    }

    private static SectPr sectionProperties() {
        SectPr sectPr = new SectPr();
        SectPr.PgSz size = new SectPr.PgSz();
        size.setW(Wml.big(Layout.PAGE_WIDTH));
        size.setH(Wml.big(Layout.PAGE_HEIGHT));
        sectPr.setPgSz(size);
        SectPr.PgMar margins = new SectPr.PgMar();
        margins.setTop(Wml.big(Layout.MARGIN_TOP));
        margins.setBottom(Wml.big(Layout.MARGIN_BOTTOM));
        margins.setLeft(Wml.big(Layout.MARGIN_LEFT));
        margins.setRight(Wml.big(Layout.MARGIN_RIGHT));
        margins.setHeader(Wml.big(Layout.HEADER_DISTANCE));
        margins.setFooter(Wml.big(Layout.FOOTER_DISTANCE));
        margins.setGutter(Wml.big(0));
        sectPr.setPgMar(margins);
        CTDocGrid grid = new CTDocGrid();
        grid.setType(STDocGrid.LINES); // 22 lines per page; see Layout.CHAR_SPACING for the 28 characters
        grid.setLinePitch(Wml.big(Layout.LINE_PITCH));
        sectPr.setDocGrid(grid);
        return sectPr;
    }

    private static void footer(MainDocumentPart main, SectPr sectPr, String name, HdrFtrRef type, String xml)
            throws Docx4JException, JAXBException {
        FooterPart part = part(new FooterPart(new PartName(name)), xml);
        Relationship relationship = main.addTargetPart(part);
        FooterReference reference = new FooterReference();
        reference.setId(relationship.getId());
        reference.setType(type);
        sectPr.getEGHdrFtrReferences().add(reference);
    }

    private static void header(MainDocumentPart main, SectPr sectPr, String name, HdrFtrRef type)
            throws Docx4JException, JAXBException {
        HeaderPart part = part(new HeaderPart(new PartName(name)), StaticParts.DRAFT_HEADER_XML);
        Relationship relationship = main.addTargetPart(part);
        HeaderReference reference = new HeaderReference();
        reference.setId(relationship.getId());
        reference.setType(type);
        sectPr.getEGHdrFtrReferences().add(reference);
    }

    /** The smallest schema-valid report with one project: enough to touch every part of the renderer. */
    private static JsonNode tinyReport() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode report = f.objectNode();
        report.put("schemaVersion", 1).put("fiscalYear", 2000);
        report.putObject("unit").put("code", "0").put("name", "单位");
        ObjectNode basic = report.putObject("basicInfo");
        basic.putArray("responsibilities").add("职责");
        basic.putObject("staffing").put("authorizedTotal", 1).put("onDuty", 1);
        ObjectNode budget = report.putObject("budget");
        for (String part : new String[] {"initial", "finalAccounts"}) {
            budget.putObject(part)
                    .put("revenueTotal", 1)
                    .put("expenditureTotal", 1)
                    .put("basicExpenditure", 1)
                    .put("projectExpenditure", 0);
        }
        ObjectNode three = budget.putObject("threePublicExpenses");
        for (String part : new String[] {"budget", "actual"}) {
            three.putObject(part).put("overseasTravel", 0).put("vehicles", 0).put("officialReception", 0);
        }
        budget.putObject("governmentProcurement")
                .put("goods", 0)
                .put("works", 0)
                .put("services", 0);
        budget.putObject("assets")
                .put("totalAssets", 0)
                .put("totalLiabilities", 0)
                .put("netAssets", 0);
        report.putObject("performance").putArray("overallGoalAchievements").add("目标");
        ObjectNode problems = report.putObject("problems");
        problems.putArray("items");
        problems.putArray("measures");
        ObjectNode project = report.putArray("projects").addObject().put("name", "项目");
        ObjectNode funds = project.putObject("funds").put("weight", 10);
        funds.putObject("total").put("initialBudget", 1).put("annualBudget", 1).put("executed", 1);
        project.putObject("annualGoal").put("expected", "目标").put("actual", "完成");
        project.putArray("indicators")
                .addObject()
                .put("level1", "产出指标")
                .put("level2", "数量指标")
                .put("name", "指标")
                .put("weight", 90)
                .put("score", 90);
        return report;
    }
}
