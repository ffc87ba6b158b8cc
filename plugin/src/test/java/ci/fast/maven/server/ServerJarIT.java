package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Secret;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code server} jar the build attaches, run as a process of its own as a deployment runs it: {@code java -jar
 * ...-server.jar --port 0}, the key in its environment. A real node runs a suite through it; SIGTERM drains it
 * ({@code /healthz} 503, new connections refused) until its last node has gone, and it exits 0.
 */
class ServerJarIT {
    private static final long TIMEOUT_SECONDS = 30;
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+) ");

    @TempDir
    Path dir;

    private final Secret key = Secret.random();
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private Process process;
    private Thread pumping;

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void servesARunAnswersHealthAndDrainsOnSigtermThenExitsZero() throws Exception {
        Path jar = Path.of(System.getProperty("serverJar"));
        assertTrue(Files.isRegularFile(jar), "the package phase builds " + jar);
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--port",
                        "0",
                        "--timings-file",
                        dir.resolve("timings.json").toString(),
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--drain-timeout",
                        "60s")
                .redirectErrorStream(true);
        builder.environment().put("FAST_CI_SECRET_KEY", key.reveal());
        process = builder.start();
        Thread pump = new Thread(this::pump, "server-output");
        pump.setDaemon(true);
        pump.start();

        URI base = URI.create(awaitMatch(LISTENING).group(1));
        URI health = URI.create("http" + base.toString().substring(2) + "/healthz");
        assertEquals(200, get(health));
        String topic = Events.topic(RealNodes.RUN_KEY, "build-jar");
        try (PhoenixClient node = RealNodes.connect(base, key, "build-jar");
                PhoenixClient stays = RealNodes.connect(base, key, "build-jar-2")) {
            assertEquals(List.of("com.acme.Jar"), RealNodes.runAlone(node, topic, List.of("com.acme.Jar")));
            // The dashboard's pages from the jar itself: their classes must be in it (they were not: an empty reply).
            String http = "http" + base.toString().substring(2);
            HttpResponse<String> board = page(URI.create(http + "/"));
            assertEquals(200, board.statusCode(), board::body);
            assertTrue(board.body().contains(topic), board::body);
            HttpResponse<String> run =
                    page(URI.create(http + "/runs/" + URLEncoder.encode(topic, StandardCharsets.UTF_8)));
            assertEquals(200, run.statusCode(), run::body);
            assertTrue(run.body().contains("com.acme.Jar"), run::body);

            // SIGTERM, as Process.destroy() sends on Linux; but through the handle, which leaves the process's output
            // open (Process.destroy() closes it, and the drain's lines would be lost).
            assertTrue(process.toHandle().destroy());

            awaitMatch(Pattern.compile("^draining: "));
            assertEquals(503, get(health), "draining while a node is still connected");
            ChannelException refused =
                    assertThrows(ChannelException.class, () -> RealNodes.connect(base, key, "build-jar-3"));
            assertTrue(refused.getMessage().contains("HTTP 503"), refused.getMessage());
            assertTrue(process.isAlive(), "waits for its last node");
        }

        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "exits once its nodes have gone: " + output);
        assertEquals(0, process.exitValue(), output::toString);
        assertTrue(output.contains("stopped: every node had gone"), output::toString);
        assertFalse(String.join("\n", output).contains(key.reveal()), "the key is never printed");
        assertFalse(process.info().commandLine().orElse("").contains(key.reveal()));
    }

    @Test
    void killedAndStartedAgainOnItsDataDirItsDashboardShowsTheRunItServed() throws Exception {
        String topic = Events.topic(RealNodes.RUN_KEY, "build-killed");
        List<String> classes = List.of("com.acme.KeptTest", "com.acme.AlsoKeptTest");
        startOnDataDir();
        URI base = URI.create(awaitMatch(LISTENING).group(1));
        try (PhoenixClient node = RealNodes.connect(base, key, "build-killed")) {
            assertEquals(
                    classes.size(), RealNodes.runAlone(node, topic, classes).size());
        }
        process.destroyForcibly().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS); // SIGKILL: no close, no last write
        pumping.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        lines.clear();

        startOnDataDir();
        String http =
                "http" + URI.create(awaitMatch(LISTENING).group(1)).toString().substring(2);
        // The store's runs are read after the server's start, on the dashboard's own thread.
        RealNodes.listShowing(
                path -> {
                    HttpResponse<String> page = page(URI.create(http + path));
                    assertEquals(200, page.statusCode(), page::body);
                    return page.body();
                },
                "data-topic=\"" + topic + "\" data-outcome=\"passed\"");
        HttpResponse<String> run = page(URI.create(http + "/runs/" + URLEncoder.encode(topic, StandardCharsets.UTF_8)));
        assertEquals(200, run.statusCode(), run::body);
        assertTrue(run.body().contains("2 / 2 classes"), run::body);
        assertTrue(run.body().contains(">node 1</text>"), "its node's lane: " + run.body());
    }

    @Test
    @ExtendWith(TestPostgres.Extension.class)
    void keepsItsRunsInPostgresWhenGivenADatabaseAndNeverShowsThePassword(TestPostgres pg) throws Exception {
        PgDatabase database = pg.newDatabase();
        start(database, database.password().reveal());

        URI base = URI.create(awaitMatch(LISTENING).group(1));
        String topic = Events.topic(RealNodes.RUN_KEY, "build-pg");
        try (PhoenixClient node = RealNodes.connect(base, key, "build-pg")) {
            assertEquals(List.of("com.acme.Pg"), RealNodes.runAlone(node, topic, List.of("com.acme.Pg")));
        }
        process.destroyForcibly().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertTrue(
                output.stream()
                        .anyMatch(line -> line.contains("keeps its runs in the database " + database.describe())),
                output::toString);
        assertFalse(String.join("\n", output).contains(database.password().reveal()), "the password never printed");
        try (PgStore store = PgStore.open(database)) {
            assertTrue(store.open(new RunId(topic, RealNodes.RUN_KEY)).hasResult("com.acme.Pg"), "kept there");
        }
    }

    @Test
    @ExtendWith(TestPostgres.Extension.class)
    void refusesADatabaseItCannotLogInToInOneLineAndExitsOne(TestPostgres pg) throws Exception {
        PgDatabase database = pg.newDatabase();
        String wrong = "wrong-" + Secret.random().reveal();
        start(database, wrong);

        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "exits: " + output);
        assertEquals(1, process.exitValue(), output::toString);
        List<String> said = awaitOutputEnd();
        assertEquals(1, said.size(), "one line: " + said);
        assertTrue(
                said.get(0).startsWith("fast-ci server: fast-ci cannot use the database " + database.describe() + ": "),
                said.get(0));
        assertTrue(said.get(0).contains("check the user and password"), said.get(0));
        assertFalse(said.get(0).contains(wrong), said.get(0));
    }

    /** Starts the jar on the test's data directory (SQLite), the key in its environment. */
    private void startOnDataDir() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        Path.of(System.getProperty("serverJar")).toString(),
                        "--port",
                        "0",
                        "--timings-file",
                        dir.resolve("timings.json").toString(),
                        "--data-dir",
                        dir.resolve("data").toString())
                .redirectErrorStream(true);
        builder.environment().put("FAST_CI_SECRET_KEY", key.reveal());
        process = builder.start();
        pumping = new Thread(this::pump, "server-output");
        pumping.setDaemon(true);
        pumping.start();
    }

    private void start(PgDatabase database, String password) throws Exception {
        Path jar = Path.of(System.getProperty("serverJar"));
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--port",
                        "0",
                        "--timings-file",
                        dir.resolve("timings.json").toString(),
                        "--database",
                        database.url(),
                        "--dashboard",
                        "false")
                .redirectErrorStream(true);
        builder.environment().put("FAST_CI_SECRET_KEY", key.reveal());
        builder.environment().put("FAST_CI_DATABASE_USER", database.user());
        builder.environment().put("FAST_CI_DATABASE_PASSWORD", password);
        process = builder.start();
        pumping = new Thread(this::pump, "server-output");
        pumping.setDaemon(true);
        pumping.start();
    }

    /** Every line the server printed, once its output has ended (it exited); within the timeout. */
    private List<String> awaitOutputEnd() throws InterruptedException {
        pumping.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        return List.copyOf(output);
    }

    private void pump() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                output.add(line);
                lines.add(line);
            }
        } catch (java.io.IOException e) {
            // the process ended
        }
    }

    /** The first line of the server's output, from now on, that matches; within the timeout. */
    private Matcher awaitMatch(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        for (String line; (line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        throw new AssertionError("no line matching " + pattern + " in " + output);
    }

    private static HttpResponse<String> page(URI uri) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int get(URI uri) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        assertNotNull(response);
        return response.statusCode();
    }
}
