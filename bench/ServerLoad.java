import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.PgDatabase;
import ci.fast.maven.server.PgStore;
import ci.fast.maven.server.Peer;
import ci.fast.maven.server.SqlStore;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark 4: the orchestrator alone, in process (no sockets), with N simulated nodes over M classes. Each node is a
 * thread: join, (node 0) enq, then deq with its last batch's results until the batch comes back empty, "running" each
 * class for 20-100 ms (a fast test class; real ones take longer, which only eases the server). Prints p50 / p99 of the
 * time from a deq to its reply (held deqs excluded: they wait for work by rule), and the heap used once the run is done.
 *
 * <p>Node 0 joins and enqueues first, then the other threads start, each deq-ing as soon as it has joined, as a real
 * node does. With {@code burst}, every node waits until all have joined and they send their first deq at one instant:
 * then hundreds of threads are runnable at once on a few cores, and the time between a thread taking its clock and
 * entering the server is largely the OS scheduler's; the figure shows what such a burst costs here.
 *
 * <p>With {@code -Dbench.dataDir=DIR} the orchestrator keeps its runs and timings in the SQLite store of {@code
 * fast-ci:serve} in DIR (each deq's unit of work committed, synced to the disk, before its reply), as a standing server
 * does; without it, in memory.
 *
 * <p>With {@code -Dbench.database=jdbc:postgresql://host:port/db} (the user and password in the URL, or in {@code
 * FAST_CI_DATABASE_USER} and {@code FAST_CI_DATABASE_PASSWORD}) they are kept in the PostgreSQL store of replicas
 * instead: each deq's unit of work one transaction on the run's locked row, committed before its reply.
 *
 * <p>Usage: java [-Dbench.dataDir=DIR | -Dbench.database=URL] -cp <plugin classes and deps> bench/ServerLoad.java <nodes> <classes> [burst]
 */
public class ServerLoad {
    static String TOPIC = "test_orchestrator:bench-warm-up";

    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[0]);
        int classes = Integer.parseInt(args[1]);
        boolean burst = args.length > 2 && args[2].equals("burst");
        String dataDir = System.getProperty("bench.dataDir");
        String database = System.getProperty("bench.database");
        Orchestrator orchestrator;
        if (database != null) {
            String password = System.getenv("FAST_CI_DATABASE_PASSWORD");
            PgStore store = PgStore.open(new PgDatabase(
                    database, System.getenv("FAST_CI_DATABASE_USER"), password == null ? null : Secret.of(password)));
            orchestrator = Orchestrator.builder().store(store).timings(store.timings()).build();
        } else if (dataDir == null) {
            orchestrator = new Orchestrator(line -> {});
        } else {
            SqlStore store = SqlStore.open(Path.of(dataDir));
            orchestrator = Orchestrator.builder().store(store).timings(store.timings()).build();
        }
        // A server that has served one run before, as a standing fast-ci:serve has: the JIT has compiled its paths.
        simulate(orchestrator, nodes, classes, burst, false);
        TOPIC = "test_orchestrator:bench-load";
        simulate(orchestrator, nodes, classes, burst, true);
    }

    static void simulate(Orchestrator orchestrator, int nodes, int classes, boolean burst, boolean print)
            throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong ref = new AtomicLong();
        CountDownLatch enqueued = new CountDownLatch(1);
        CountDownLatch joined = new CountDownLatch(burst ? nodes : 0);
        CountDownLatch done = new CountDownLatch(nodes);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 0; n < nodes; n++) {
            int index = n;
            Thread thread = new Thread(() -> {
                try {
                    new Node(index, orchestrator, ref, latencies, classes, enqueued, joined).run();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    enqueued.countDown(); // a first node that failed before its enq holds no one up
                    done.countDown();
                }
            });
            threads.add(thread);
            thread.start();
            if (n == 0) {
                enqueued.await(); // as on CI: the first node has enqueued by the time most others join
                if (failure.get() != null) {
                    throw new IllegalStateException("the first node could not enqueue: " + failure.get(), failure.get());
                }
            }
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the run did not end within 10 minutes");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a simulated node failed: " + failure.get(), failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!print) {
            return;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                "nodes %d%s, classes %d, deqs answered at once %d, p50 %.3f ms, p99 %.3f ms, max %.3f ms, "
                        + "heap used %.1f MB, run %.1f s, unfinished %d%n",
                nodes,
                burst ? " (first deqs at one instant)" : "",
                classes,
                sorted.size(),
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted.get(sorted.size() - 1) / 1e6,
                heap / 1e6,
                seconds,
                orchestrator.unfinished(TOPIC).size());
    }

    static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /** One simulated node; its replies arrive through {@link Peer#send} on whatever thread answers. */
    static final class Node implements Peer {
        final int index;
        final Orchestrator orchestrator;
        final AtomicLong ref;
        final List<Long> latencies;
        final int classes;
        final CountDownLatch enqueued;
        /** Counted down by every node once joined; awaited before the first deq (at zero unless a burst). */
        final CountDownLatch joined;
        final LinkedBlockingQueue<Frame> replies = new LinkedBlockingQueue<>();

        Node(
                int index,
                Orchestrator o,
                AtomicLong ref,
                List<Long> latencies,
                int classes,
                CountDownLatch enqueued,
                CountDownLatch joined) {
            this.index = index;
            this.orchestrator = o;
            this.ref = ref;
            this.latencies = latencies;
            this.classes = classes;
            this.enqueued = enqueued;
            this.joined = joined;
        }

        @Override
        public void send(Frame frame) {
            if (frame.isReply()) {
                replies.add(frame);
            }
            // deq_request pushes are not needed: node 0 enqueues before anyone deqs (see run()).
        }

        @Override
        public String describe() {
            return "node " + index;
        }

        /** Joins, (node 0) enqueues, then deqs right away as a real node does, until its batch comes back empty. */
        void run() throws Exception {
            orchestrator.receive(this, Frame.push(ref.incrementAndGet(), TOPIC, Events.JOIN, Json.EMPTY));
            replies.take();
            if (index == 0) {
                enqueue();
                enqueued.countDown();
            }
            joined.countDown();
            joined.await();
            JsonArray batch = Json.PROVIDER.createArrayBuilder().build();
            double[] runTimes = new double[0];
            while (true) {
                // The results are built as the deq is sent, as a real node serialises them then: held while the node
                // "runs" its classes, 500 nodes' result objects would be the simulation's memory in the server's heap.
                JsonObject results = results(batch, runTimes);
                long sent = System.nanoTime();
                orchestrator.receive(this, Frame.push(ref.incrementAndGet(), TOPIC, Events.DEQ, results));
                Frame reply = replies.poll();
                if (reply != null) {
                    latencies.add(System.nanoTime() - sent); // answered within the call: the server's own time
                } else {
                    reply = replies.take(); // held until another node's results or leave; not the server's time
                }
                batch = reply.replyResponse().getJsonArray("tests");
                if (batch.isEmpty()) {
                    return;
                }
                runTimes = new double[batch.size()];
                for (int i = 0; i < batch.size(); i++) {
                    long millis = 20 + ThreadLocalRandom.current().nextInt(80);
                    Thread.sleep(millis);
                    runTimes[i] = millis / 1000.0; // what it ran for, as a real node reports: the next run's estimate
                }
            }
        }

        /** Node 0's enq of every class; in a method of its own, so that run() does not hold the payload. */
        private void enqueue() {
            JsonObjectBuilder tests = Json.PROVIDER.createObjectBuilder();
            for (int c = 0; c < classes; c++) {
                tests.add(
                        "com.acme.bench.Class" + c + "Test",
                        Json.PROVIDER
                                .createObjectBuilder()
                                .add("t()", Json.PROVIDER.createObjectBuilder().add("status", "pending").add("run_time", 0.0))
                                .add("file_status", "pending")
                                .add("test_count", 1));
            }
            orchestrator.receive(
                    this,
                    Frame.push(
                            ref.incrementAndGet(),
                            TOPIC,
                            Events.ENQ,
                            Json.PROVIDER.createObjectBuilder().add("tests", tests).build()));
        }

        static JsonObject results(JsonArray batch, double[] runTimes) {
            JsonObjectBuilder results = Json.PROVIDER.createObjectBuilder();
            for (int i = 0; i < batch.size(); i++) {
                results.add(
                        batch.getString(i),
                        Json.PROVIDER
                                .createObjectBuilder()
                                .add("t()", Json.PROVIDER.createObjectBuilder().add("status", "passed").add("run_time", runTimes[i]))
                                .add("file_status", "passed")
                                .add("test_count", 1));
            }
            return results.build();
        }
    }
}
