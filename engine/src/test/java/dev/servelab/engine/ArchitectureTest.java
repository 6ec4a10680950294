package dev.servelab.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine knows nothing about screens, built-in plugins or hardware backends. */
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
}
