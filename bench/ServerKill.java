import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.orchestration.NodeSession;
import ci.fast.maven.orchestration.TestSide;
import ci.fast.maven.server.PgDatabase;
import ci.fast.maven.server.PgStore;
import ci.fast.maven.server.RunId;
import ci.fast.maven.server.RunStore;
import ci.fast.maven.server.SqlStore;
import ci.fast.maven.server.StoredRun;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Benchmark 6: a kill and restart under load. The server jar's main class ({@code ServerMain}) in a JVM of its own
 * ({@code -Xmx256m}) on the SQLite store in a fresh data directory; N nodes, each our own {@link NodeSession} over a
 * real WebSocket on loopback (as a fork's node, with its reconnects and rejoins), run M classes of 20-100 ms. Once
 * half the classes have run, the server is killed (SIGKILL) and a new one started on the same data directory and
 * port; the nodes reconnect, rejoin and finish. Prints how many classes ran, how many ran more than once (duplicates)
 * and how many never ran (lost), what the store kept, and the p50 / p99 of the deq replies the nodes waited for
 * before the kill and after the restart: from a batch's results sent to the next batch received, on the node's
 * side (loopback and the node JVM's own threads included), deqs that spanned the outage left out; and the bucket of
 * the server's own deq reply histogram ({@code /metrics}) that holds its p99 before and after.
 *
 * <p>With {@code -Dbench.database=jdbc:postgresql://host:port/db} (the user and password in {@code
 * FAST_CI_DATABASE_USER} and {@code FAST_CI_DATABASE_PASSWORD}, handed on to the servers) both servers keep the run
 * in that PostgreSQL database instead ({@code --database}): the second is a new replica, the first's lease lapses.
 *
 * <p>With {@code -Dbench.upgradeTo=CLASSPATH} the second server runs on that classpath instead of this one's: an
 * upgrade under load, the new version carrying on the runs of a store the old one wrote and was killed on.
 *
 * <p>Usage: java [-Dbench.database=URL] [-Dbench.upgradeTo=CLASSPATH] -cp <plugin classes and deps> bench/ServerKill.java <nodes> <classes> [<data dir>]
 */
public class ServerKill {
    static final String RUN_KEY = "bench";
    static final Duration BACKOFF = Duration.ofSeconds(60);
    /** The PostgreSQL store's URL, or null for SQLite's in the data directory. */
    static final String DATABASE = System.getProperty("bench.database");

    static PgDatabase database() {
        String password = System.getenv("FAST_CI_DATABASE_PASSWORD");
        return new PgDatabase(
                DATABASE, System.getenv("FAST_CI_DATABASE_USER"), password == null ? null : Secret.of(password));
    }

    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[0]);
        int classes = Integer.parseInt(args[1]);
        Path data = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("fast-ci-kill");
        Files.createDirectories(data);
        int port = freePort();
        Secret key = Secret.random();
        String build = "kill-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        String topic = Events.topic(RUN_KEY, build);
        List<String> suite = IntStream.range(0, classes)
                .mapToObj(i -> String.format("com.acme.kill.Class%05dTest", i))
                .toList();

        Server first = Server.start(data, port, key, "first");
        Scheduler scheduler = Scheduler.daemon("bench-nodes");
        // A server that has served one run before, as a standing one has: the JIT has compiled its paths. The server
        // started after the kill has not: what its nodes wait for after the restart is a cold server's.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        Run warmUp = new Run();
        for (Thread thread : nodes(nodes, first.base, key, build + "-warm-up", suite, warmUp, scheduler)) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        String warmMetrics = first.metrics();
        Run run = new Run();
        List<Thread> threads = nodes(nodes, first.base, key, build, suite, run, scheduler);
        // Polled: a bench's main thread watching a count; a tenth of a second is nothing to a run of seconds.
        while (run.ran.size() < classes / 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        int ranBeforeKill = run.ran.size();
        String beforeMetrics = first.metrics();
        run.phase = Phase.OUTAGE;
        first.kill();
        long killed = System.nanoTime();
        Server second = Server.start(data, port, key, "second");
        double outage = (System.nanoTime() - killed) / 1e9;
        run.phase = Phase.AFTER;
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        String afterMetrics = second.metrics();
        second.stop();

        int results;
        int dropped;
        List<String> unfinished;
        try (AutoCloseable closing = DATABASE == null ? SqlStore.open(data) : PgStore.open(database())) {
            StoredRun stored = ((RunStore) closing).open(new RunId(topic, RUN_KEY));
            stored.begin(); // a replica's view: read at its first unit
            results = stored.resultCount();
            dropped = stored.duplicates();
            unfinished = suite.stream().filter(c -> !stored.hasResult(c)).toList();
            stored.commit().await();
        }
        long duplicates =
                run.ran.values().stream().mapToLong(c -> c.get() - 1).sum();
        long lost = suite.stream().filter(c -> !run.ran.containsKey(c)).count();
        int failed = run.failed.get() + warmUp.failed.get();
        System.out.printf(
                "nodes %d, classes %d, killed after %d had run, new server up in %.1f s; ran %d, duplicates %d, lost %d,"
                        + " store results %d (duplicates dropped %d, unfinished %d), nodes failed %d;"
                        + " deq reply before p50 %.3f ms, p99 %.3f ms (%d); after p50 %.3f ms, p99 %.3f ms (%d);"
                        + " the server's own p99 (its histogram's bucket) before %s, after %s%n",
                nodes,
                classes,
                ranBeforeKill,
                outage,
                run.ran.size(),
                duplicates,
                lost,
                results,
                dropped,
                unfinished.size(),
                failed,
                percentile(run.before, 50),
                percentile(run.before, 99),
                run.before.size(),
                percentile(run.after, 50),
                percentile(run.after, 99),
                run.after.size(),
                serverP99(beforeMetrics, warmMetrics),
                serverP99(afterMetrics, ""));
        System.exit(duplicates == 0 && lost == 0 && unfinished.isEmpty() && failed == 0 ? 0 : 1);
    }

    /** Starts {@code count} nodes of the run of {@code build}, each on a thread of its own, and returns the threads. */
    static List<Thread> nodes(
            int count, URI base, Secret key, String build, List<String> suite, Run run, Scheduler scheduler) {
        List<Thread> threads = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("build_id", build);
            params.put("run_key", RUN_KEY);
            params.put("commit", "bench");
            params.put("branch", "bench");
            NodeSession session = new NodeSession(
                    new ServerAddress(base, key, params),
                    Events.topic(RUN_KEY, build),
                    suite,
                    new Node(run),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(60),
                    scheduler,
                    new Backoff(BACKOFF));
            Thread thread = new Thread(
                    () -> {
                        try {
                            session.run();
                        } catch (Exception e) {
                            run.failed.incrementAndGet();
                            System.err.println("a node failed: " + e.getMessage());
                        }
                    },
                    "node-" + n);
            threads.add(thread);
            thread.start();
        }
        return threads;
    }

    enum Phase {
        BEFORE,
        OUTAGE,
        AFTER
    }

    /** What the nodes did, shared by all. */
    static final class Run {
        /** How many times each class ran, on any node. */
        final Map<String, AtomicInteger> ran = new ConcurrentHashMap<>();
        final List<Long> before = Collections.synchronizedList(new ArrayList<>());
        final List<Long> after = Collections.synchronizedList(new ArrayList<>());
        volatile Phase phase = Phase.BEFORE;
        /** Nodes that gave up. */
        final AtomicInteger failed = new AtomicInteger();
    }

    /** One node's tests: each class "runs" for 20-100 ms; times each deq from its results sent to its next batch. */
    static final class Node implements TestSide {
        final Run run;
        /** When the last batch's results went out, and in which phase; 0 before the first, or after an outage. */
        long sent;

        Phase sentIn;

        Node(Run run) {
            this.run = run;
        }

        @Override
        public Map<String, List<Map<String, Object>>> run(List<String> batch) {
            Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();
            for (String key : batch) {
                long millis = 20 + ThreadLocalRandom.current().nextInt(80);
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                run.ran.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                results.put(
                        key,
                        List.of(Map.of(
                                TestSide.NAME, "t()", TestSide.STATUS, "passed", TestSide.SECONDS, millis / 1000.0)));
            }
            sent = System.nanoTime();
            sentIn = run.phase;
            return results;
        }

        @Override
        public void batchReceived(List<String> batch) {
            if (sent != 0 && !batch.isEmpty() && sentIn == run.phase && sentIn != Phase.OUTAGE) {
                (sentIn == Phase.BEFORE ? run.before : run.after).add(System.nanoTime() - sent);
            }
            sent = 0;
        }

        @Override
        public void reconnected() {
            sent = 0; // that deq's wait was the outage's
        }
    }

    /** The server jar's main class in a JVM of its own; its output goes to a log file beside the data directory. */
    static final class Server {
        static final HttpClient HTTP = HttpClient.newHttpClient();

        final Process process;
        final URI base;

        private Server(Process process, URI base) {
            this.process = process;
            this.base = base;
        }

        static Server start(Path data, int port, Secret key, String name) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-cp",
                    name.equals("second")
                            ? System.getProperty("bench.upgradeTo", System.getProperty("java.class.path"))
                            : System.getProperty("java.class.path"),
                    "ci.fast.maven.server.ServerMain",
                    "--port",
                    Integer.toString(port)));
            if (DATABASE == null) {
                command.addAll(List.of(
                        "--data-dir", data.toString(), "--timings-file", data.resolve("timings.json").toString()));
            } else {
                command.addAll(List.of("--database", DATABASE));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("FAST_CI_SECRET_KEY", key.reveal());
            Process process = builder.start();
            CompletableFuture<URI> ready = new CompletableFuture<>();
            Path log = data.resolveSibling(data.getFileName() + "-" + name + "-server.log");
            Thread pump = new Thread(() -> pump(process, log, ready), name + "-server-output");
            pump.setDaemon(true);
            pump.start();
            try {
                return new Server(process, ready.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("the " + name + " server did not start: " + Files.readString(log), e);
            }
        }

        /** The server's {@code /metrics} now. */
        String metrics() throws Exception {
            URI uri = URI.create("http" + base.toString().substring("ws".length())).resolve("/metrics");
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }

        /** SIGKILL: nothing of the server's own runs, no drain, no close of its store. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        /** SIGTERM: drains and closes its store. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private static void pump(Process process, Path log, CompletableFuture<URI> ready) {
            String listening = "FastCI orchestrator listening on ";
            try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.println(line);
                    if (line.startsWith(listening)) {
                        ready.complete(URI.create(line.substring(listening.length()).split(" ")[0]));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IOException("the server's output ended"));
        }
    }

    /**
     * The bucket the server's 99th deq reply falls in, by its {@code fastci_deq_reply_seconds} histogram in {@code
     * metrics}, less what {@code earlier} (the same server's, before; "" for none) counted.
     */
    static String serverP99(String metrics, String earlier) {
        Map<Double, Double> now = buckets(metrics);
        Map<Double, Double> before = buckets(earlier);
        if (now.isEmpty()) {
            return "unknown";
        }
        double total = now.get(Double.POSITIVE_INFINITY) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        double previous = 0;
        for (Map.Entry<Double, Double> bucket : now.entrySet()) {
            if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= 0.99 * total) {
                return String.format("%.1f-%.1f ms", previous * 1000, bucket.getKey() * 1000);
            }
            previous = bucket.getKey();
        }
        return "unknown";
    }

    /** Each bucket's count, by its upper bound, in order. */
    static Map<Double, Double> buckets(String metrics) {
        Map<Double, Double> buckets = new java.util.TreeMap<>();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("fastci_deq_reply_seconds_bucket{")) {
                String le = line.replaceAll(".*le=\"([^\"]*)\".*", "$1");
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.put(bound, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return buckets;
    }

    static double percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
