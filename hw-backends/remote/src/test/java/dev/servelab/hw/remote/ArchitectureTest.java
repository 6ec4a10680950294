package dev.servelab.hw.remote;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The remote endpoints' package forms no cycle and uses no other hardware module. */
class ArchitectureTest {
    private final JavaClasses module = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.servelab.hw.remote");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.servelab.(**)").should().beFreeOfCycles().check(module);
    }

    @Test
    void usesNoOtherHardwareModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.servelab.hw.agent..", "dev.servelab.hw.jvm..",
                "dev.servelab.hw.perf..", "dev.servelab.hw.sim..")
                .check(module);
    }
}
