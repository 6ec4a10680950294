package dev.servelab.app.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The packages of one module and which of them uses which (a class of one refers to a class of the
 * other), from ArchUnit's import of the module's compiled classes; plus the package cycles (strongly
 * connected components of two or more packages), which the whole-build rules forbid.
 */
final class PackageGraph {
    private final SortedMap<String, SortedSet<String>> edges = new TreeMap<>();

    PackageGraph(JavaClasses classes) {
        for (JavaClass c : classes) {
            SortedSet<String> out = edges.computeIfAbsent(c.getPackageName(), k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getBaseComponentType().getPackageName();
                if (!target.equals(c.getPackageName())) out.add(target);
            }
        }
        edges.values().forEach(s -> s.retainAll(edges.keySet())); // only this module's packages
    }

    SortedSet<String> packages() {
        return new TreeSet<>(edges.keySet());
    }

    SortedSet<String> uses(String pkg) {
        return edges.getOrDefault(pkg, new TreeSet<>());
    }

    /** Each package cycle as the sorted set of its packages, sorted by its first package. */
    List<SortedSet<String>> cycles() {
        return new Tarjan().run();
    }

    /** Tarjan's strongly connected components over {@link #edges}. */
    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<SortedSet<String>> found = new ArrayList<>();
        private int next;

        List<SortedSet<String>> run() {
            for (String p : edges.keySet()) if (!index.containsKey(p)) visit(p);
            found.sort((a, b) -> a.first().compareTo(b.first()));
            return found;
        }

        private void visit(String p) {
            index.put(p, next);
            low.put(p, next++);
            stack.add(p);
            for (String q : uses(p)) {
                if (!index.containsKey(q)) {
                    visit(q);
                    low.put(p, Math.min(low.get(p), low.get(q)));
                } else if (stack.contains(q)) {
                    low.put(p, Math.min(low.get(p), index.get(q)));
                }
            }
            if (low.get(p).equals(index.get(p))) {
                SortedSet<String> scc = new TreeSet<>();
                String q;
                do {
                    q = stack.removeLast();
                    scc.add(q);
                } while (!q.equals(p));
                if (scc.size() > 1) found.add(scc);
            }
        }
    }
}
