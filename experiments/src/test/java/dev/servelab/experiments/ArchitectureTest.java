package dev.servelab.experiments;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The experiments packages form no cycle, the sweep model knows nothing of running, and nothing but cli prints. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.servelab.experiments");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.servelab.experiments.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSweepModelDependsOnNoRunningPackage() {
        noClasses().that().resideInAPackage("..experiments.sweep..").should().dependOnClassesThat()
                .resideInAnyPackage("..experiments.point..", "..experiments.run..", "..experiments.engines..", "..experiments.cli..",
                        "..experiments.store..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLinePrints() {
        noClasses().that().resideOutsideOfPackage("..experiments.cli..").should().accessField(System.class, "out").check(CLASSES);
    }
}
