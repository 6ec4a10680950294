package dev.servelab.hw.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of this test's own joined to the host by a veth pair with addresses we
 * assign (10.231.N.1 host side, 10.231.N.2 inside), created with {@code ip} and deleted on close.
 * Traffic goes only between the host and this namespace.
 */
final class NetnsLink implements AutoCloseable {
    final String namespace;
    final String hostIf;
    final String nsIf;
    final String hostAddress;
    final String nsAddress;

    private NetnsLink(long id) {
        namespace = "sl-edge-" + id;
        hostIf = "slh" + id;
        nsIf = "sln" + id;
        int subnet = (int) (id % 250) + 1;
        hostAddress = "10.231." + subnet + ".1";
        nsAddress = "10.231." + subnet + ".2";
    }

    /** Creates the namespace and link; throws with the command's output when {@code ip} refuses. */
    static NetnsLink create() throws IOException, InterruptedException {
        NetnsLink link = new NetnsLink(ProcessHandle.current().pid() % 100_000);
        link.close(); // a namespace of ours left by a killed earlier run with the same pid
        try {
            link.ip("netns", "add", link.namespace);
            link.ip("link", "add", link.hostIf, "type", "veth", "peer", "name", link.nsIf);
            link.ip("link", "set", link.nsIf, "netns", link.namespace);
            link.ip("addr", "add", link.hostAddress + "/24", "dev", link.hostIf);
            link.ip("link", "set", link.hostIf, "up");
            link.inside("ip", "addr", "add", link.nsAddress + "/24", "dev", link.nsIf);
            link.inside("ip", "link", "set", link.nsIf, "up");
            link.inside("ip", "link", "set", "lo", "up");
        } catch (IOException | InterruptedException e) {
            link.close();
            throw e;
        }
        return link;
    }

    /** The command prefixed with {@code ip netns exec <namespace>}. */
    List<String> insideCommand(String... command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        c.addAll(List.of(command));
        return c;
    }

    void inside(String... command) throws IOException, InterruptedException {
        run(insideCommand(command));
    }

    void ip(String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("ip"));
        c.addAll(List.of(args));
        run(c);
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + ": timed out");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + ": " + out);
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0
                    && "root".equals(System.getProperty("user.name"));
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            run(List.of("ip", "netns", "del", namespace));
        } catch (IOException | InterruptedException ignored) {
            // already gone
        }
        try {
            run(List.of("ip", "link", "del", hostIf));
        } catch (IOException | InterruptedException ignored) {
            // deleted with its peer
        }
    }
}
