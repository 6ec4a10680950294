package dev.servelab.engine.cli;

import dev.servelab.engine.run.Versions;
import picocli.CommandLine;

/** {@code servelab --version}. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"ServeLab " + Versions.servelab() + " (Java " + System.getProperty("java.version") + ")"};
    }
}
