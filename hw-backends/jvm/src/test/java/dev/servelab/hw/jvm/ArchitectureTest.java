package dev.servelab.hw.jvm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The JVM transformer's packages form no cycle; the transformer itself (model, kernels runners, GGUF, tokenizers) knows nothing of the engine. */
class ArchitectureTest {
    private final JavaClasses module = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.servelab.hw.jvm");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.servelab.(**)").should().beFreeOfCycles().check(module);
    }

    @Test
    void theTransformerDoesNotKnowTheEngine() {
        noClasses().that().resideInAnyPackage("dev.servelab.hw.jvm.model..", "dev.servelab.hw.jvm.cpu..", "dev.servelab.hw.jvm.gguf..",
                        "dev.servelab.hw.jvm.tokenizer..", "dev.servelab.hw.jvm.kv..", "dev.servelab.hw.jvm.backend..")
                .should().dependOnClassesThat().resideInAPackage("dev.servelab.engine..")
                .check(module);
    }
}
