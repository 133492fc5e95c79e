package dev.lrrecsys.workbench;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

/** The layering rules of ARCHITECTURE.md, checked on the production classes. */
@AnalyzeClasses(packages = "dev.lrrecsys.workbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The capability packages from the top down; a package may use the ones below it, never one above or
     * beside it. explain sits above model because scoring explanations needs models, and no model needs a
     * generator; factors sits below model and explain because the concise reasoner names key factors and
     * mask training needs no network (docs/decisions/0014); project sits above store because it opens the database
     * the repositories work on.
     */
    static final List<List<String>> LAYERS_TOP_DOWN = List.of(
            List.of("ui", "cli"),
            List.of("workflow"),
            List.of("insight"),
            List.of("evaluate"),
            List.of("explain"),
            List.of("model"),
            List.of("factors"),
            List.of("samples"),
            List.of("ingest"),
            List.of("project"),
            List.of("store"),
            List.of("task"));

    @ArchTest
    static final ArchRule noDependencyUpward = layers()
            .because("data flows one way: a capability uses the ones below it (docs/development.md, Layers)");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices()
            .matching("dev.lrrecsys.workbench.(**)")
            .should().beFreeOfCycles()
            // The one designed two-way pair: package ui is the views' composition root (the navigator creates
            // each view) and the views in ui.<view> use its shared widgets. Cycles among the views still count.
            .ignoreDependency(resideInAPackage("dev.lrrecsys.workbench.ui"),
                    resideInAPackage("dev.lrrecsys.workbench.ui.*.."))
            .because("every package, sub-packages included, must be understandable from the ones it uses");

    /**
     * {@link #LAYERS_TOP_DOWN} as an ArchUnit layered architecture; each layer is one package and its sub-packages.
     * Every class must be in a layer (only the root package, with {@code WorkbenchException}, is shared by all),
     * so a new package cannot escape the order.
     */
    private static LayeredArchitecture layers() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitectureIgnoring("dev.lrrecsys.workbench");
        for (List<String> level : LAYERS_TOP_DOWN) {
            for (String name : level) {
                String packages = "dev.lrrecsys.workbench." + name + "..";
                layers = layers.layer(name).definedBy(packages);
            }
        }
        List<String> above = new ArrayList<>();
        for (List<String> level : LAYERS_TOP_DOWN) {
            for (String name : level) {
                layers = above.isEmpty()
                        ? layers.whereLayer(name).mayNotBeAccessedByAnyLayer()
                        : layers.whereLayer(name).mayOnlyBeAccessedByLayers(above.toArray(new String[0]));
            }
            above.addAll(level);
        }
        return layers;
    }

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
