package cn.jixiao;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.spin.spi.DataFormatConfigurator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's plan, checked on the compiled main classes: no cycle between packages, each layer uses only the layers
 * below it, the pure packages use neither Spring nor Camunda, everything that customises the engine lives in
 * {@code engine}, and the web layer reaches the engine only through the workflow's services. A new package must be
 * placed in a layer here, or the test fails.
 */
class ArchitectureTest {

    static final String[] PURE = {"cn.jixiao.report..", "cn.jixiao.scoring..", "cn.jixiao.document.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.jixiao");
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("cn.jixiao.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("web")
                .definedBy("cn.jixiao.web..")
                .layer("capabilities")
                .definedBy(
                        "cn.jixiao.campaign..",
                        "cn.jixiao.duty..",
                        "cn.jixiao.demo..",
                        "cn.jixiao.board..",
                        "cn.jixiao.summary..",
                        "cn.jixiao.worklist..")
                .layer("workflow")
                .definedBy("cn.jixiao.workflow..")
                .layer("record")
                .definedBy("cn.jixiao.record..")
                .layer("identity")
                .definedBy("cn.jixiao.security..", "cn.jixiao.unit..", "cn.jixiao.notify..")
                .layer("engine")
                .definedBy("cn.jixiao.engine..", "cn.jixiao.grading..")
                .layer("infrastructure")
                .definedBy("cn.jixiao.http..", "cn.jixiao.storage..", "cn.jixiao.pdf..", "cn.jixiao.reading..")
                .layer("pure")
                .definedBy(PURE)
                .whereLayer("web")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("capabilities")
                .mayOnlyBeAccessedByLayers("web")
                .whereLayer("workflow")
                .mayOnlyBeAccessedByLayers("capabilities", "web")
                .whereLayer("record")
                .mayOnlyBeAccessedByLayers("workflow", "capabilities", "web")
                .whereLayer("identity")
                .mayOnlyBeAccessedByLayers("record", "workflow", "capabilities", "web")
                .whereLayer("engine")
                .mayOnlyBeAccessedByLayers("identity", "record", "workflow", "capabilities", "web")
                .whereLayer("infrastructure")
                .mayOnlyBeAccessedByLayers("identity", "record", "workflow", "capabilities", "web")
                .check(main);
    }

    @Test
    void everyPackageIsPlacedInALayer() {
        Set<String> placed = Set.of(
                "web",
                "campaign",
                "duty",
                "demo",
                "board",
                "summary",
                "worklist",
                "workflow",
                "record",
                "security",
                "unit",
                "notify",
                "engine",
                "grading",
                "http",
                "storage",
                "pdf",
                "reading",
                "report",
                "scoring",
                "document");
        Set<String> found = main.stream()
                .map(c -> c.getPackageName())
                .filter(p -> p.startsWith("cn.jixiao."))
                .map(p -> p.substring("cn.jixiao.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        found.removeAll(placed);
        if (!found.isEmpty()) {
            throw new AssertionError("packages in no layer of ArchitectureTest: " + found);
        }
    }

    @Test
    void purePackagesUseNeitherSpringNorCamundaNorTheOuterLayers() {
        noClasses()
                .that()
                .resideInAnyPackage(PURE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.camunda..",
                        "jakarta.servlet..",
                        "cn.jixiao.web..",
                        "cn.jixiao.workflow..",
                        "cn.jixiao.record..",
                        "cn.jixiao.security..",
                        "cn.jixiao.engine..",
                        "cn.jixiao.grading..",
                        "cn.jixiao.campaign..",
                        "cn.jixiao.duty..",
                        "cn.jixiao.unit..",
                        "cn.jixiao.storage..",
                        "cn.jixiao.notify..")
                .check(main);
    }

    @Test
    void whatCustomisesTheEngineLivesInEngine() {
        classes()
                .that(or(
                        assignableTo(ProcessEnginePlugin.class),
                        assignableTo(HistoryLevel.class),
                        assignableTo(DataFormatConfigurator.class),
                        assignableTo(org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager.class)))
                .and()
                .resideInAPackage("cn.jixiao..")
                .should()
                .resideInAPackage("cn.jixiao.engine..")
                .check(main);
    }

    @Test
    void theWebLayerReachesTheEngineOnlyThroughTheWorkflowsServices() {
        noClasses()
                .that()
                .resideInAPackage("cn.jixiao.web..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.camunda.bpm.engine")
                        .and(or(simpleNameEndingWith("Service"), simpleName("ProcessEngine"))))
                .check(main);
    }

    @Test
    void everyPackageSaysWhatLivesThereAndWhatItMayUse() {
        File root = new File("src/main/java/cn/jixiao");
        String[] missing = Arrays.stream(root.listFiles(File::isDirectory))
                .filter(dir -> !new File(dir, "package-info.java").isFile())
                .map(File::getName)
                .sorted()
                .toArray(String[]::new);
        if (missing.length > 0) {
            throw new AssertionError("packages without package-info.java: " + String.join(", ", missing));
        }
    }
}
