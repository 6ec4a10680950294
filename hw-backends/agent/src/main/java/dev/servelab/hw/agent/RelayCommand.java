package dev.servelab.hw.agent;

import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code servelab relay --to HOST:PORT --delay-ms D [--port P]}: a loopback TCP relay that delivers
 * the server's bytes D ms late, to put an agent "behind" a slow link where {@code tc netem} is not
 * available (no root, or a kernel without {@code sch_netem}). Runs until stopped.
 */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = "Relay loopback TCP to an agent, delaying its replies (a stand-in for tc netem delay).")
public final class RelayCommand implements Callable<Integer> {
    @Option(names = "--to", required = true, paramLabel = "HOST:PORT", description = "The agent to relay to.")
    String to;

    @Option(names = "--port", defaultValue = "0", description = "Loopback port to listen on (default: any free port).")
    int port;

    @Option(names = "--delay-ms", defaultValue = "50", description = "Delay of the agent's replies (default ${DEFAULT-VALUE}).")
    long delayMs;

    @Override
    public Integer call() throws Exception {
        int colon = to.lastIndexOf(':');
        if (colon <= 0) {
            System.err.println("relay: --to must be HOST:PORT, got " + to);
            return 2;
        }
        InetSocketAddress target = new InetSocketAddress(to.substring(0, colon), Integer.parseInt(to.substring(colon + 1)));
        try (DelayingRelay relay = new DelayingRelay(port, target, delayMs)) {
            System.out.println("relay: 127.0.0.1:" + relay.port() + " -> " + to + " with replies " + delayMs + " ms late");
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
