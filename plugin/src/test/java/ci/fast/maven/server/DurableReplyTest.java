package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deq's reply leaves only once its unit of work is on the store's disk: while another connection holds the lock the
 * store's commit needs, the node hears nothing; once it lets go, the reply comes with its batch.
 */
@ExtendWith(TestPostgres.Extension.class)
class DurableReplyTest {
    private static final String TOPIC = "test_orchestrator:junit-durable-reply";
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final TestPostgres pg;

    @TempDir
    Path dir;

    DurableReplyTest(TestPostgres pg) {
        this.pg = pg;
    }

    @Test
    void sqliteRepliesToADeqOnlyOnceAnotherWriterLetsTheFileGo() throws Exception {
        try (SqlStore store = SqlStore.open(dir);
                Orchestrator orchestrator = Orchestrator.builder()
                        .store(store)
                        .timings(store.timings())
                        .build();
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqlStore.FILE))) {
            Node node = new Node(orchestrator);
            node.joinAndEnqueue();
            try (Statement statement = other.createStatement()) {
                statement.execute("BEGIN IMMEDIATE"); // the write lock: the store's writer cannot commit
            }
            Thread deq = node.deqInBackground();
            // Parked on the unit's way to the disk: the one place a deq's thread waits (the run's lock would block it).
            waitFor(() -> deq.getState() == Thread.State.WAITING || !deq.isAlive(), "the deq to wait for the store");

            assertNull(node.replies.poll(), "the reply left before its unit of work was on disk");
            try (Statement statement = other.createStatement()) {
                statement.execute("ROLLBACK");
            }
            node.assertBatch(deq);
        }
    }

    @Test
    void postgresRepliesToADeqOnlyOnceAnotherSessionLetsTheRunsRowGo() throws Exception {
        PgDatabase database = pg.newDatabase();
        try (PgStore store = PgStore.open(database);
                Orchestrator orchestrator = Orchestrator.builder()
                        .store(store)
                        .timings(store.timings())
                        .build();
                Connection other = DriverManager.getConnection(
                        database.url(), database.user(), database.password().reveal())) {
            Node node = new Node(orchestrator);
            node.joinAndEnqueue();
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT 1 FROM runs WHERE topic = ? FOR UPDATE")) {
                lock.setString(1, TOPIC);
                lock.executeQuery().close(); // the run's row: the unit's transaction cannot update it
            }
            Thread deq = node.deqInBackground();
            waitFor(() -> waitsForALock(other) || !deq.isAlive(), "the deq's transaction to wait for the row");

            assertNull(node.replies.poll(), "the reply left before its unit of work was committed");
            other.rollback();
            node.assertBatch(deq);
        }
    }

    private static boolean waitsForALock(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            return rows.next() && rows.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} until it holds, or fails after {@link #DEADLINE_NANOS}. */
    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.onSpinWait();
        }
    }

    /** One node of the run, which enqueues two classes and deqs. */
    private static final class Node implements Peer {
        final Orchestrator orchestrator;
        final AtomicLong ref = new AtomicLong();
        final LinkedBlockingQueue<Frame> replies = new LinkedBlockingQueue<>();

        Node(Orchestrator orchestrator) {
            this.orchestrator = orchestrator;
        }

        @Override
        public void send(Frame frame) {
            if (frame.isReply()) {
                replies.add(frame);
            }
        }

        @Override
        public String describe() {
            return "node 0";
        }

        /** Joins (its reply taken) and enqueues (an enq has no reply): the run's row is written by then. */
        void joinAndEnqueue() throws InterruptedException {
            orchestrator.receive(this, Frame.push(ref.incrementAndGet(), TOPIC, Events.JOIN, Json.EMPTY));
            assertTrue(replies.poll(10, TimeUnit.SECONDS) != null, "no reply to the join");
            orchestrator.receive(
                    this, Frame.push(ref.incrementAndGet(), TOPIC, Events.ENQ, RealNodes.enq(List.of("A", "B"))));
        }

        Thread deqInBackground() {
            Thread deq = new Thread(
                    () -> orchestrator.receive(this, Frame.push(ref.incrementAndGet(), TOPIC, Events.DEQ, Json.EMPTY)));
            deq.start();
            return deq;
        }

        void assertBatch(Thread deq) throws InterruptedException {
            Frame reply = replies.poll(10, TimeUnit.SECONDS);
            deq.join(TimeUnit.SECONDS.toMillis(10));
            assertTrue(reply != null, "no reply to the deq once the store could write");
            assertEquals(
                    List.of("A"), // the first class: with one node, a batch of its share
                    reply.replyResponse().getJsonArray("tests").getValuesAs(jakarta.json.JsonString::getString));
        }
    }
}
