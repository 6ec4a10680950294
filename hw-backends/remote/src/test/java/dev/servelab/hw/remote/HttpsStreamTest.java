package dev.servelab.hw.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming over HTTPS from a loopback server with a self-signed certificate made by the JDK's
 * keytool: trusted through the endpoint's certificate file, refused with the JVM's trust store.
 */
class HttpsStreamTest {
    @TempDir
    Path dir;

    @Test
    void selfSignedEndpointIsTrustedOnlyThroughItsCertificateFile() throws Exception {
        Path keystore = dir.resolve("agent.p12");
        Path cert = dir.resolve("agent.pem");
        keytool("-genkeypair", "-alias", "agent", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "agent", "-file", cert.toString(), "-keystore", keystore.toString(),
                "-storepass", "changeit");
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keystore)));
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                ScriptedSseServer.stream(2, true).answer(ex);
            }
        });
        server.start();
        URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        try (OpenAiStreamClient trusted = new OpenAiStreamClient(EndpointConfig.of("tls-agent", uri, "m",
                new VllmStreamDialect()).withCaCertificate(cert));
             OpenAiStreamClient untrusted = new OpenAiStreamClient(EndpointConfig.of("tls-agent", uri, "m",
                     new VllmStreamDialect()).withRetry(RetryPolicy.none()))) {
            StreamRecord ok = trusted.stream(new RemoteCall(1, "hi", 2));
            assertEquals(StreamOutcome.COMPLETED, ok.outcome(), ok.toString());
            assertEquals(2, ok.tokens());
            StreamRecord refused = untrusted.stream(new RemoteCall(2, "hi", 2));
            assertTrue(refused.failed() && refused.error().contains("tls-agent"), refused.toString());
        } finally {
            server.stop(0);
        }
    }

    private static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool timed out");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
    }
}
