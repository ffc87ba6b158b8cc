package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Secret;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's own TLS: a PKCS12 keystore made by the JDK's keytool for this test (a self-signed certificate for
 * 127.0.0.1), and our real node connecting to wss:// with the certificate in its trust store.
 */
class ServerTlsTest {
    private static final String[] TRUST_PROPERTIES = {
        "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType"
    };

    @TempDir
    Path dir;

    private final Secret key = Secret.random();
    private Secret storePassword;
    private final Map<String, String> saved = new HashMap<>();
    private Path keystore;
    private Path truststore;
    private OrchestratorServer server;

    @BeforeEach
    void makeKeystores() throws Exception {
        TestKeystores stores = TestKeystores.make(dir);
        keystore = stores.keystore();
        truststore = stores.truststore();
        storePassword = stores.password();
        for (String property : TRUST_PROPERTIES) {
            saved.put(property, System.getProperty(property));
        }
    }

    @AfterEach
    void restore() {
        // The node's client reads the trust store from these at each connect; no other test should see ours.
        for (String property : TRUST_PROPERTIES) {
            if (saved.get(property) == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, saved.get(property));
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void runsASuiteThroughWssWithAKeystoreAndAnswersHealthOverHttps() throws Exception {
        server = StandingServer.start(settings(), line -> {}, line -> {});
        assertEquals("wss", server.baseUri().getScheme());
        System.setProperty("javax.net.ssl.trustStore", truststore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", storePassword.reveal());
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");

        try (PhoenixClient node = RealNodes.connect(server.baseUri(), key, "build-tls")) {
            assertEquals(
                    List.of("com.acme.Secure"),
                    RealNodes.runAlone(node, Events.topic(RealNodes.RUN_KEY, "build-tls"), List.of("com.acme.Secure")));
        }
        HttpResponse<String> health = HttpClient.newBuilder()
                .sslContext(trusting())
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(server.httpUri() + "/healthz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals("https", server.httpUri().getScheme());
        assertEquals(200, health.statusCode());
    }

    @Test
    void refusesANodeThatDoesNotTrustTheCertificateAsATlsFailure() throws Exception {
        server = StandingServer.start(settings(), line -> {}, line -> {});

        ChannelException e =
                assertThrows(ChannelException.class, () -> RealNodes.connect(server.baseUri(), key, "build-tls")
                        .close());

        assertTrue(e.getMessage().contains("TLS failure"), e.getMessage());
    }

    @Test
    void saysWhichKeystoreItCannotOpenWithoutItsPassword() {
        Map<String, String> env = Map.of("FAST_CI_SECRET_KEY", key.reveal(), "FAST_CI_TLS_PASSWORD", "wrong-password");
        ServerSettings settings = ServerOptions.translate(values(), env);

        java.io.IOException e =
                assertThrows(java.io.IOException.class, () -> StandingServer.start(settings, line -> {}, line -> {}));

        assertTrue(
                e.getMessage().startsWith("cannot open the TLS keystore " + keystore + " (PKCS12): "), e.getMessage());
        assertTrue(!e.getMessage().contains("wrong-password"), e.getMessage());
    }

    private ServerSettings settings() {
        return ServerOptions.translate(
                values(), Map.of("FAST_CI_SECRET_KEY", key.reveal(), "FAST_CI_TLS_PASSWORD", storePassword.reveal()));
    }

    private Map<String, String> values() {
        return Map.of(
                ServerOptions.PORT, "0",
                ServerOptions.TLS_KEYSTORE, keystore.toString(),
                ServerOptions.TIMINGS_FILE, dir.resolve("timings.json").toString(),
                ServerOptions.DATA_DIR, dir.resolve("data").toString());
    }

    private SSLContext trusting() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            trust.load(in, storePassword.reveal().toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
