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

    /** A task.Job of a capability package, not one of workflow, task or the window's own small jobs. */
    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaConstructorCall>
            CAPABILITY_JOB = new com.tngtech.archunit.base.DescribedPredicate<>(
                    "the constructor of a capability job (a task.Job outside workflow, task and ui)") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaConstructorCall call) {
                    com.tngtech.archunit.core.domain.JavaClass owner = call.getTargetOwner();
                    String p = owner.getPackageName();
                    return owner.isAssignableTo(dev.lrrecsys.workbench.task.Job.class)
                            && !p.startsWith("dev.lrrecsys.workbench.workflow") && !p.startsWith("dev.lrrecsys.workbench.task")
                            && !p.startsWith("dev.lrrecsys.workbench.ui");
                }
            };

    @ArchTest
    static final ArchRule frontEndsRunWorkflowsNotCapabilityJobs = noClasses()
            .that().resideInAnyPackage("..cli..", "..ui..")
            .and().haveSimpleNameNotStartingWith("Bench")
            .should().callConstructorWhere(CAPABILITY_JOB)
            .because("the window and the CLI map their inputs onto a workflow's settings and run the job it returns, so "
                    + "both get the same defaults and checks (the bench commands time the capability jobs themselves)");
}
