package dev.servelab.app.architecture;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Maven module of the reactor, read from its {@code pom.xml}: where it is, its artifact, and the
 * ServeLab artifacts it depends on (with their scope). {@code optional} marks a module only a profile
 * builds (the TornadoVM backend).
 *
 * @param path        the module's folder relative to the project root, e.g. {@code engine}
 * @param dependsOn   ServeLab artifact id to scope ({@code compile}, {@code test}, ...)
 */
record ReactorModule(String path, String artifactId, String packaging, boolean optional, Map<String, String> dependsOn) {
    private static final String GROUP = "dev.servelab";

    boolean hasCode(Path root) {
        return Files.isDirectory(root.resolve(path).resolve("src/main/java"));
    }

    /** Every module of the project under {@code root}, aggregators included, in reactor-file order. */
    static List<ReactorModule> readAll(Path root) {
        List<ReactorModule> out = new ArrayList<>();
        collect(root, root, false, out);
        return out;
    }

    private static void collect(Path root, Path dir, boolean optional, List<ReactorModule> out) {
        Element project = parse(dir.resolve("pom.xml")).getDocumentElement();
        String rel = root.relativize(dir).toString().replace('\\', '/');
        if (!rel.isEmpty()) out.add(new ReactorModule(rel, text(project, "artifactId"), textOr(project, "packaging", "jar"), optional, deps(project)));
        for (Element modules : children(project, "modules")) {
            for (Element m : children(modules, "module")) collect(root, dir.resolve(m.getTextContent().strip()).normalize(), optional, out);
        }
        for (Element profiles : children(project, "profiles")) {
            for (Element profile : children(profiles, "profile")) {
                for (Element modules : children(profile, "modules")) {
                    for (Element m : children(modules, "module")) collect(root, dir.resolve(m.getTextContent().strip()).normalize(), true, out);
                }
            }
        }
    }

    private static Map<String, String> deps(Element project) {
        Map<String, String> deps = new TreeMap<>();
        for (Element block : children(project, "dependencies")) {
            for (Element d : children(block, "dependency")) {
                if (GROUP.equals(textOr(d, "groupId", ""))) deps.merge(text(d, "artifactId"), textOr(d, "scope", "compile"), (a, b) -> "test".equals(a) ? b : a);
            }
        }
        return deps;
    }

    private static Document parse(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> c = children(parent, name);
        if (c.isEmpty()) throw new IllegalStateException("<" + parent.getTagName() + "> has no <" + name + ">");
        return c.getFirst().getTextContent().strip();
    }

    private static String textOr(Element parent, String name, String fallback) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? fallback : c.getFirst().getTextContent().strip();
    }
}
