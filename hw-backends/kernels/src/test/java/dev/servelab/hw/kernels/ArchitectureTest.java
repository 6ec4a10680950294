package dev.servelab.hw.kernels;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The kernel SPI's packages form no cycle and depend on nothing else of ServeLab, so an optional backend module needs only this one. */
class ArchitectureTest {
    private final JavaClasses module = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.servelab.hw.kernels", "dev.servelab.hw.backend");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.servelab.(**)").should().beFreeOfCycles().check(module);
    }

    @Test
    void dependsOnNoOtherServeLabCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.servelab.engine..", "dev.servelab.hw.jvm..",
                "dev.servelab.hw.perf..", "dev.servelab.hw.sim..", "dev.servelab.hw.remote..", "dev.servelab.hw.agent..")
                .check(module);
    }
}
