package dev.lrrecsys.workbench;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

/** The layering rules of ARCHITECTURE.md, checked on the production classes. */
@AnalyzeClasses(packages = "dev.lrrecsys.workbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule javafxOnlyInTheUi = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("capabilities and the CLI must run headless; JavaFX belongs to ui");

    @ArchTest
    static final ArchRule jdbcOnlyInTheStore = noClasses()
            .that().resideOutsideOfPackages("..store..", "..project..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
            .because("SQL lives in store (and project, for migrations); jobs get repositories, not connections");

    @ArchTest
    static final ArchRule standardStreamsOnlyInTheCli = noClasses()
            .that().resideOutsideOfPackage("..cli..")
            .should(ACCESS_STANDARD_STREAMS)
            .because("the CLI prints through picocli's writers; everything else logs through SLF4J");

    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..")
            .because("logging goes through SLF4J (GeneralCodingRules' own rule only catches Logger fields)");

    @ArchTest
    static final ArchRule capabilitiesDoNotKnowTheirFrontEnds = noClasses()
            .that().resideOutsideOfPackages("..ui..", "..cli..")
            .should().dependOnClassesThat().resideInAnyPackage("..ui..", "..cli..")
            .because("ui and cli are thin layers over the same jobs, never the other way round");
}
