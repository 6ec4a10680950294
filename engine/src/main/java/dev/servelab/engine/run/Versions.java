package dev.servelab.engine.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** Versions stored with every run, so a result can be traced to the code and JVM that produced it. */
public final class Versions {
    private Versions() {
    }

    public static String servelab() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    public static Map<String, String> current() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("servelab", servelab());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }
}
