package dev.servelab.app.hardening;

import dev.servelab.engine.cli.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** {@code servelab …} in-process through the engine's real command line, every plugin and command found as in the launcher. */
record Cli(int exit, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** The one line printed on stderr (fails when there are more). */
    String errLine() {
        String e = err.strip();
        if (e.contains("\n")) throw new AssertionError("more than one line on stderr:\n" + err);
        return e;
    }
}
