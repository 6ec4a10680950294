package dev.servelab.testkit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.spi.Plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that every {@link Plugin}-annotated class of a module is registered in that module's
 * {@code META-INF/services/<SPI>} file, for each plugin SPI it implements — a plugin missing there is
 * invisible to {@link java.util.ServiceLoader} and so to every pipeline. The classes are read from
 * their class files (ArchUnit's {@link ClassFileImporter}), never loaded.
 *
 * <pre>{@code
 * @Test
 * void everyPluginIsRegistered() {
 *     ServiceRegistrations.ofModuleOf(MyRouter.class).assertComplete();
 * }
 * }</pre>
 */
public final class ServiceRegistrations {
    private final Path root;

    private ServiceRegistrations(Path root) {
        this.root = root;
    }

    /** The module (class directory or jar) that {@code anyClass} was loaded from. */
    public static ServiceRegistrations ofModuleOf(Class<?> anyClass) {
        try {
            return new ServiceRegistrations(Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot locate the classes of " + anyClass.getName(), e);
        }
    }

    /** A class directory (e.g. {@code target/classes}) or a jar. */
    public static ServiceRegistrations of(Path classesDirOrJar) {
        return new ServiceRegistrations(classesDirOrJar);
    }

    /**
     * One line per missing registration, {@code "<class> is a @Plugin <SPI> but not listed in
     * META-INF/services/<SPI>"}; empty when the module is complete.
     */
    public List<String> missing() {
        JavaClasses classes = new ClassFileImporter().importPath(root);
        List<String> out = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!c.isAnnotatedWith(Plugin.class) || c.getModifiers().contains(JavaModifier.ABSTRACT) || c.isInterface()) continue;
            for (PluginKind kind : PluginKind.values()) {
                if (!c.isAssignableTo(kind.spi())) continue;
                if (!registered(kind.spi().getName()).contains(c.getName())) {
                    out.add(c.getName() + " is a @Plugin " + kind.spi().getSimpleName() + " but not listed in META-INF/services/"
                            + kind.spi().getName());
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Fails, listing every missing registration, unless the module is complete. */
    public void assertComplete() {
        List<String> missing = missing();
        if (!missing.isEmpty()) throw new AssertionError(missing.size() + " plugin(s) not registered:\n  " + String.join("\n  ", missing));
    }

    /** The class names listed in {@code META-INF/services/<spi>} of the module (comments and blanks skipped). */
    private Set<String> registered(String spi) {
        try {
            if (Files.isDirectory(root)) return names(root.resolve("META-INF/services").resolve(spi));
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                return names(jar.getPath("META-INF/services", spi));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading META-INF/services/" + spi + " of " + root, e);
        }
    }

    private static Set<String> names(Path servicesFile) throws IOException {
        Set<String> names = new HashSet<>();
        if (!Files.exists(servicesFile)) return names;
        for (String line : Files.readAllLines(servicesFile)) {
            String name = line.replaceFirst("#.*", "").strip();
            if (!name.isEmpty()) names.add(name);
        }
        return names;
    }
}
