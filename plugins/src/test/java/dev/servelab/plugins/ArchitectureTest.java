package dev.servelab.plugins;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The plugins module's packages form no cycle; plugins reach the engine through its SPI and model
 * only, plus the short list of engine helpers below, each for the packages named beside it
 * (plugins/README.md says why); a package not named there (every policy package) uses the SPI and
 * model alone; nothing imports the command packages.
 */
class ArchitectureTest {
    private static final JavaClasses PLUGINS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.servelab.plugins");

    /** The error type for bad input, which every plugin may throw. */
    private static final String ERROR = "dev.servelab.engine.ServeLabException";

    /** Engine classes outside {@code spi} and {@code model} that plugins may use, and which packages use them. */
    private static final Map<String, Set<String>> HELPERS = Map.ofEntries(
            Map.entry("dev.servelab.engine.cli.CommandProvider", Set.of("tracecli", "cachereplay", "workload")),
            Map.entry("dev.servelab.engine.plugin.PluginRegistry", Set.of("tracecli", "cachereplay", "workload")),
            Map.entry("dev.servelab.engine.plugin.PluginKind", Set.of("cachereplay")),
            Map.entry("dev.servelab.engine.workload.TraceLines", Set.of("trace", "workload")),
            Map.entry("dev.servelab.engine.workload.LengthSpec", Set.of("workload")),
            Map.entry("dev.servelab.engine.workload.TraceSniffer", Set.of("tracecli", "workload")),
            Map.entry("dev.servelab.engine.workload.WorkloadFactory", Set.of("tracecli", "cachereplay", "workload")),
            Map.entry("dev.servelab.engine.workload.TraceTransforms", Set.of("tracecli")),
            Map.entry("dev.servelab.engine.pipeline.NodeSpec", Set.of("tracecli")),
            Map.entry("dev.servelab.engine.pipeline.PipelineLoader", Set.of("tracecli")),
            Map.entry("dev.servelab.engine.replica.KvCache", Set.of("cachereplay")));

    private static final String[] COMMAND_PACKAGES = {"dev.servelab.plugins.tracecli..", "dev.servelab.plugins.cachereplay.."};

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.servelab.(**)").should().beFreeOfCycles().check(PLUGINS);
    }

    @Test
    void pluginsUseTheEngineThroughItsSpiModelAndTheListedHelpersOnly() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : PLUGINS) packages.add(c.getPackageName().substring("dev.servelab.plugins".length()).replaceFirst("^\\.", ""));
        for (String pkg : packages) {
            noClasses().that().resideInAPackage(pkg.isEmpty() ? "dev.servelab.plugins" : "dev.servelab.plugins." + pkg + "..")
                    .should().dependOnClassesThat(engineOutsideSpiAndModel(pkg))
                    .because("plugins/README.md lists the engine helpers each package may use")
                    .check(PLUGINS);
        }
    }

    @Test
    void nothingImportsTheCommandPackages() {
        noClasses().that().resideOutsideOfPackages(COMMAND_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND_PACKAGES)
                .check(PLUGINS);
        noClasses().that().resideInAPackage("dev.servelab.plugins.tracecli..")
                .should().dependOnClassesThat().resideInAPackage("dev.servelab.plugins.cachereplay..")
                .check(PLUGINS);
        noClasses().that().resideInAPackage("dev.servelab.plugins.cachereplay..")
                .should().dependOnClassesThat().resideInAPackage("dev.servelab.plugins.tracecli..")
                .check(PLUGINS);
    }

    /** Engine classes that are neither SPI nor model, nor the error type, nor a helper listed for {@code pkg}. */
    private static DescribedPredicate<JavaClass> engineOutsideSpiAndModel(String pkg) {
        return DescribedPredicate.describe("are engine classes other than spi, model, ServeLabException and the helpers listed for '"
                + pkg + "'", c -> {
            String name = c.getName();
            if (!name.startsWith("dev.servelab.engine.")) return false;
            if (inPackage(c, "dev.servelab.engine.spi") || inPackage(c, "dev.servelab.engine.model")) return false;
            if (name.equals(ERROR)) return false;
            return !HELPERS.getOrDefault(name, Set.of()).contains(pkg);
        });
    }

    private static boolean inPackage(JavaClass c, String pkg) {
        return c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".");
    }
}
