package dev.servelab.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.servelab.engine.cli.CommandProvider;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the whole build (issue 12), over every {@code dev.servelab} main class on the
 * workbench's test class path, which depends on every module. Each module may keep its own narrower
 * rules (the engine's {@code ArchitectureTest}); these are the ones that span modules.
 */
class WholeBuildRulesTest {
    static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.servelab");

    /**
     * The engine packages a plugin may use besides {@code engine.spi} (the plugin contracts) and
     * {@code engine.model} (the data they exchange), each with the reason it is allowed. Anything else
     * of the engine (replica, run, event, observe, metrics, store) is the engine's own machinery.
     */
    static final Map<String, String> PLUGIN_HELPERS = helpers();

    private static Map<String, String> helpers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dev.servelab.engine.spi..", "the plugin contracts");
        m.put("dev.servelab.engine.model..", "the data plugins exchange with the engine (Request, SplitMix64, ...)");
        m.put("dev.servelab.engine", "ServeLabException: the one bad-input error (exit 2, names file:line or node.field)");
        m.put("dev.servelab.engine.workload", "trace-reading helpers every reader shares: TraceLines (file:line), LengthSpec,"
                + " TraceTransforms, and TraceSniffer/WorkloadFactory for the trace tools");
        m.put("dev.servelab.engine.plugin", "PluginRegistry: the trace and cache-replay tools look plugins up by id");
        m.put("dev.servelab.engine.pipeline", "NodeSpec/PipelineLoader: trace fit/generate read and write a pipeline's workload node");
        m.put("dev.servelab.engine.cli", "CommandProvider: the plugins module contributes its servelab subcommands");
        m.put("dev.servelab.engine.replica.KvCache", "cache-replay replays block sequences through the engine's own KV cache"
                + " and kv.* plugins, so replay and engine cannot differ (plugins/README.md)");
        return m;
    }

    /** (a) No package takes part in a cycle, in any module or across modules. */
    @Test
    void noPackageCyclesAnywhere() {
        slices().matching("dev.servelab.(**)").should().beFreeOfCycles().check(ALL);
    }

    /** (b) Plugins reach the engine only through its SPI, its model and the helpers of {@link #PLUGIN_HELPERS}. */
    @Test
    void pluginsUseOnlyTheEngineSpiModelAndListedHelpers() {
        String[] packages = PLUGIN_HELPERS.keySet().stream().filter(k -> !isClassName(k)).toArray(String[]::new);
        DescribedPredicate<JavaClass> listedClass = DescribedPredicate.describe("a listed helper class",
                c -> PLUGIN_HELPERS.containsKey(c.getName()));
        DescribedPredicate<JavaClass> engineInternals = resideInAPackage("dev.servelab.engine..")
                .and(DescribedPredicate.not(resideInAnyPackage(packages)))
                .and(DescribedPredicate.not(listedClass))
                .as("engine classes outside " + PLUGIN_HELPERS.keySet());
        noClasses().that().resideInAPackage("dev.servelab.plugins..")
                .should().dependOnClassesThat(engineInternals)
                .check(ALL);
    }

    /** A key of {@link #PLUGIN_HELPERS} naming one class (its last segment is capitalised) rather than a package. */
    private static boolean isClassName(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return !last.isEmpty() && Character.isUpperCase(last.charAt(0));
    }

    /** (c) A ViewModel holds state and commands, never nodes: it can be tested without a scene. */
    @Test
    void viewModelsUseNoSceneGraph() {
        noClasses().that(simpleNameEndingWith("ViewModel"))
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(ALL);
    }

    /**
     * (d) Only the command line prints to standard output; everything else returns values, takes a
     * writer, or logs. A command-line class is one in a {@code ..cli..} package, a picocli
     * {@code @Command}, or a {@link CommandProvider}, together with the classes nested in it.
     */
    @Test
    void onlyCommandLineClassesReadSystemOut() {
        noClasses().that(DescribedPredicate.not(COMMAND_LINE))
                .should().accessField(System.class, "out")
                .check(ALL);
    }

    static final DescribedPredicate<JavaClass> COMMAND_LINE = DescribedPredicate.describe(
            "command-line classes (in a ..cli.. package, a picocli @Command, a CommandProvider, a program with a static"
                    + " main such as the benchmarks, or nested in one)",
            c -> isCommandLine(outermost(c)));

    private static boolean isCommandLine(JavaClass c) {
        return c.getPackageName().matches("(.*\\.)?cli(\\..*)?")
                || c.isAnnotatedWith(Command.class)
                || c.isAssignableTo(CommandProvider.class)
                || c.getMethods().stream().anyMatch(m -> m.getName().equals("main") && m.getModifiers().contains(JavaModifier.STATIC));
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) top = top.getEnclosingClass().get();
        return top;
    }
}
