package dev.servelab.hw.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback TCP relay that delivers the server's bytes to the client {@code delayMillis} late
 * (client-to-server bytes pass at once): a user-space stand-in for {@code tc netem delay} on the
 * server's side, for kernels without {@code sch_netem} (and what {@code servelab relay} runs). Every
 * byte keeps its order.
 */
public final class DelayingRelay implements AutoCloseable {
    private record Timed(long dueNanos, byte[] bytes) {
    }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long delayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public DelayingRelay(InetSocketAddress target, long delayMillis) throws IOException {
        this(0, target, delayMillis);
    }

    /** Listens on loopback port {@code listenPort} (0: any free port). */
    public DelayingRelay(int listenPort, InetSocketAddress target, long delayMillis) throws IOException {
        this.server = new ServerSocket(listenPort, 16, InetAddress.getLoopbackAddress());
        this.target = target;
        this.delayNanos = delayMillis * 1_000_000;
        Thread.ofVirtual().start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream, 0));
                Thread.ofVirtual().start(() -> pump(upstream, client, delayNanos));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, long delay) {
        LinkedBlockingQueue<Timed> queue = new LinkedBlockingQueue<>();
        Thread writer = Thread.ofVirtual().start(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Timed t = queue.take();
                    if (t.bytes().length == 0) return;
                    long wait;
                    while ((wait = t.dueNanos() - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                    out.write(t.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // a side closed
            }
        });
        try (InputStream in = from.getInputStream()) {
            byte[] buf = new byte[16_384];
            int n;
            while ((n = in.read(buf)) > 0) queue.add(new Timed(System.nanoTime() + delay, Arrays.copyOf(buf, n)));
        } catch (IOException ignored) {
            // a side closed
        }
        queue.add(new Timed(System.nanoTime() + delay, new byte[0]));
        try {
            writer.join(5_000);
            to.shutdownOutput();
        } catch (InterruptedException | IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) s.close();
    }
}
