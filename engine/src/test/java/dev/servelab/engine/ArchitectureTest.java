package dev.servelab.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The engine knows nothing about screens, built-in plugins or hardware backends, and its packages form no cycle. */
class ArchitectureTest {
    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.servelab.engine");

    @Test
    void engineDoesNotDependOnJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "io.fair_acc..")
                .check(engine);
    }

    @Test
    void engineDoesNotDependOnOtherModules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.servelab.hw..", "dev.servelab.plugins..", "dev.servelab.app..")
                .check(engine);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.servelab.(**)").should().beFreeOfCycles().check(engine);
    }

    @Test
    void theEventLoopAndTheObserversAreLeaves() {
        noClasses().that().resideInAnyPackage("dev.servelab.engine.event..", "dev.servelab.engine.observe..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.servelab.engine.replica..", "dev.servelab.engine.run..",
                        "dev.servelab.engine.store..", "dev.servelab.engine.metrics..")
                .check(engine);
    }
}
