package dev.servelab.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.beans.Observable;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbench's shape, checked on its compiled classes: no package cycles, view models that know no
 * scene graph and expose no fields, and no state kept in static fields (services are passed in).
 */
class ArchitectureTest {
    private final JavaClasses app = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.servelab.app");

    @Test
    void importsTheWorkbench() {
        assertTrue(app.contain("dev.servelab.app.gui.MainWindow") && app.size() > 50, "classes found: " + app.size());
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.servelab.(**)").should().beFreeOfCycles().check(app);
    }

    @Test
    void viewModelsKnowNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
                .check(app);
    }

    @Test
    void viewModelsExposeNoFields() {
        noFields().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("ViewModel").and().areNotStatic()
                .should().bePublic().because("view models expose read-only properties and commands")
                .check(app);
    }

    @Test
    void noStaticMutableState() {
        fields().that().areStatic().should().beFinal().because("services are passed in, never kept in static fields").check(app);
        noFields().that().areStatic()
                .should().haveRawType(describe("an observable or an executor",
                        t -> t.isAssignableTo(Observable.class) || t.isAssignableTo(ExecutorService.class)))
                .because("a static property or thread pool is shared state too")
                .check(app);
    }
}
