package ci.fast.maven.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;

/** The TLS of a server's own socket, from a PKCS12 keystore: what makes its base URL wss://. */
final class ServerTls {
    private ServerTls() {}

    /**
     * Grizzly's server-side engine configuration for {@code tls}'s keystore; no client certificates.
     *
     * @throws IOException with the one line a user can act on, when the keystore cannot be read or opened
     */
    static SSLEngineConfigurator engine(ServerSettings.Tls tls) throws IOException {
        char[] password = tls.password().reveal().toCharArray();
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new SSLEngineConfigurator(context, false, false, false);
        } catch (IOException | GeneralSecurityException e) {
            // The message of a wrong password is the JDK's own ("keystore password was incorrect"): it holds no key.
            throw new IOException("cannot open the TLS keystore " + tls.keystore() + " (PKCS12): " + e.getMessage(), e);
        }
    }
}
