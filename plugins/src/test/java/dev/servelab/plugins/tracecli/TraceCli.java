package dev.servelab.plugins.tracecli;

import dev.servelab.engine.cli.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code servelab …} in-process through the engine's real command line (CommandProvider discovery included). */
record TraceCli(int exit, String out, String err) {

    static TraceCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new TraceCli(exit, out.toString(), err.toString());
    }
}
