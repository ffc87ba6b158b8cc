package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Secret;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1, made by the JDK's keytool for one test in its own directory (no key is
 * checked in): the server's PKCS12 keystore, and a PKCS12 trust store holding its certificate, both with one random
 * password.
 *
 * @param keystore the server's certificate and private key
 * @param truststore the certificate alone, for the nodes
 * @param password of both stores (and of the key)
 */
public record TestKeystores(Path keystore, Path truststore, Secret password) {
    /** Makes both stores in {@code dir}. */
    public static TestKeystores make(Path dir) throws Exception {
        TestKeystores stores = new TestKeystores(dir.resolve("server.p12"), dir.resolve("trust.p12"), Secret.random());
        Path certificate = dir.resolve("server.crt");
        String pass = stores.password().reveal();
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                stores.keystore().toString(),
                "-storepass",
                pass);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                stores.keystore().toString(),
                "-storepass",
                pass,
                "-file",
                certificate.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "server",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                stores.truststore().toString(),
                "-storepass",
                pass);
        return stores;
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), output);
    }
}
