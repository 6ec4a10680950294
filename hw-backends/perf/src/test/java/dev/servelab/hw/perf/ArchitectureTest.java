package dev.servelab.hw.perf;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The performance model's packages form no cycle: catalogs at the bottom, commands on top (nothing imports them back). */
class ArchitectureTest {
    private final JavaClasses module = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.servelab.hw.perf", "dev.servelab.hw.sim");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.servelab.(**)").should().beFreeOfCycles().check(module);
    }

    @Test
    void nothingImportsTheCommands() {
        noClasses().that().resideOutsideOfPackage("dev.servelab.hw.perf.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.servelab.hw.perf.cli..")
                .check(module);
    }

    @Test
    void catalogsAreTheBottom() {
        noClasses().that().resideInAPackage("dev.servelab.hw.perf.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.servelab.hw.perf", "dev.servelab.hw.perf.hardware..",
                        "dev.servelab.hw.perf.model..", "dev.servelab.hw.perf.profile..", "dev.servelab.hw.perf.operator..")
                .check(module);
    }
}
