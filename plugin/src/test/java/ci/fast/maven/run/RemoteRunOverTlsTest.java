package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.server.OrchestratorServer;
import ci.fast.maven.server.ServerOptions;
import ci.fast.maven.server.StandingServer;
import ci.fast.maven.server.TestKeystores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote run through a standing server's own TLS, end to end: the server on wss:// with a keystore made for the test,
 * two real forked JVMs as nodes trusting its certificate through {@code javax.net.ssl.trustStore} in their argLine,
 * every class run once and reported.
 */
class RemoteRunOverTlsTest {
    private static final List<String> CLASSES = IntStream.rangeClosed(1, 8)
            .mapToObj(i -> "ci.fast.maven.run.samples.Work" + i)
            .toList();

    @TempDir
    Path dir;

    private final Secret secret = Secret.random();
    private final List<String> info = new CopyOnWriteArrayList<>();

    @Test
    @Timeout(180)
    void runsEveryClassOnForksConnectedThroughWss() throws Exception {
        TestKeystores stores = TestKeystores.make(dir);
        Map<String, String> values = Map.of(
                ServerOptions.PORT, "0",
                ServerOptions.TLS_KEYSTORE, stores.keystore().toString(),
                ServerOptions.TIMINGS_FILE, dir.resolve("timings.json").toString(),
                ServerOptions.DATA_DIR, dir.resolve("data").toString());
        Map<String, String> env = Map.of(
                "FAST_CI_SECRET_KEY",
                secret.reveal(),
                "FAST_CI_TLS_PASSWORD",
                stores.password().reveal());
        List<String> trust = List.of(
                "-Djavax.net.ssl.trustStore=" + stores.truststore(),
                "-Djavax.net.ssl.trustStorePassword=" + stores.password().reveal(),
                "-Djavax.net.ssl.trustStoreType=PKCS12");
        try (OrchestratorServer server =
                StandingServer.start(ServerOptions.translate(values, env), info::add, info::add)) {
            assertEquals("wss", server.baseUri().getScheme());
            Path reports = dir.resolve("reports");
            List<Path> classPath = TestJvm.classPath();
            ForkOptions forks = new ForkOptions(
                    Path.of(System.getProperty("java.home"), "bin", "java"),
                    trust,
                    classPath,
                    classPath,
                    dir,
                    Map.of(),
                    dir.resolve("scratch"),
                    Duration.ZERO,
                    ForkOptions.DEFAULT_EXIT_TIMEOUT,
                    ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                    List.of(),
                    null);
            RunPlan plan = new RunPlan(CLASSES, 2, forks, true, "junit-tls", reports, null, null);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("build_id", "tls-1");
            params.put("run_key", "junit-tls");
            params.put("commit", "abc1234");
            params.put("branch", "main");
            withTrustStore(
                    stores, () -> new RemoteRun(plan, server.baseUri(), secret, params, Fallback.OFF, Retry.NONE, log())
                            .execute());

            assertEquals(new TreeSet<>(CLASSES), reported(reports));
            assertTrue(
                    info.contains("run test_orchestrator:junit-tls-tls-1 finished: 8 classes, 0 duplicate results"),
                    info::toString);
        }
    }

    /** Runs {@code run} with this JVM trusting the test's certificate too (the Maven side probes the server). */
    private static void withTrustStore(TestKeystores stores, Run run) throws Exception {
        Map<String, String> previous = new LinkedHashMap<>();
        Map<String, String> ours = Map.of(
                "javax.net.ssl.trustStore", stores.truststore().toString(),
                "javax.net.ssl.trustStorePassword", stores.password().reveal(),
                "javax.net.ssl.trustStoreType", "PKCS12");
        ours.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        try {
            run.run();
        } finally {
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static Set<String> reported(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return new TreeSet<>();
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("TEST-") && name.endsWith(".xml"))
                    .map(name -> name.substring("TEST-".length(), name.length() - ".xml".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private RunLog log() {
        return new RunLog() {
            @Override
            public void info(String line) {
                info.add(line);
            }

            @Override
            public void warn(String line) {
                info.add(line);
            }

            @Override
            public void error(String line) {
                info.add(line);
            }

            @Override
            public void debug(String line) {}
        };
    }
}
