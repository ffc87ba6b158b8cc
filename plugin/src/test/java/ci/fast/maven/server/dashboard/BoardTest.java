package ci.fast.maven.server.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.results.ClassRun;
import ci.fast.maven.server.Result;
import ci.fast.maven.server.RunId;
import ci.fast.maven.server.RunProgress;
import ci.fast.maven.server.RunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The board follows a run's events by an injected clock, and says when it changed. */
class BoardTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final RunId RUN = new RunId("test_orchestrator:junit-1", "junit");

    private final MovableClock clock = new MovableClock();
    private final Board board = new Board(clock, 2);

    @Test
    void aClassStartsWhenItsBatchCameOrItsNodesPreviousClassEnded() {
        board.nodeJoined(RUN, 0, "127.0.0.1:5000");
        board.nodeJoined(RUN, 1, "127.0.0.1:5001");
        board.runProgressed(RUN, new RunProgress(RUN.topic(), 2, 3, 0, 0));
        at(1);
        board.batchHandedOut(RUN, 0, List.of("com.acme.A", "com.acme.B"));
        board.batchHandedOut(RUN, 1, List.of("com.acme.C"));
        at(4);
        board.classCompleted(RUN, passed("com.acme.A"));
        at(6);
        board.classCompleted(RUN, passed("com.acme.B"));
        board.classCompleted(RUN, failed("com.acme.C", "expected: <2> but was: <3>"));

        RunView run = board.run(RUN.topic()).orElseThrow();
        assertTrue(run.live());
        assertEquals("running", run.outcome());
        assertEquals(3, run.classes());
        List<RunView.ClassRecord> done = run.done();
        assertEquals(
                List.of(1.0, 4.0, 1.0),
                done.stream().map(d -> secondsAfterT0(d.start())).toList());
        assertEquals(
                List.of(4.0, 6.0, 6.0),
                done.stream().map(d -> secondsAfterT0(d.end())).toList());
        assertEquals(
                List.of(0, 0, 1), done.stream().map(RunView.ClassRecord::node).toList());
        assertEquals(
                List.of(2, 1), run.nodes().stream().map(RunView.Node::classes).toList());
        assertEquals(1, run.failedClasses());
        assertEquals(List.of(new RunView.Failure("com.acme.C", "t()", "expected: <2> but was: <3>")), run.failures());
        assertEquals("com.acme.C", run.slowest(1).get(0).result().key(), "5 s from its batch to its result");
        List<ClassRun> lanes = run.classRuns();
        assertEquals(List.of(1, 1, 2), lanes.stream().map(ClassRun::fork).toList(), "node index + 1 is the lane");
    }

    @Test
    void nodesGoAwayComeBackAndLeaveAndTheRunEnds() {
        board.nodeJoined(RUN, 0, "a");
        board.nodeJoined(RUN, 1, "b");
        board.batchHandedOut(RUN, 0, List.of("com.acme.A"));
        board.nodeAway(RUN, 0, List.of("com.acme.A"));
        assertEquals(RunView.NodeState.AWAY, node(0).state());
        board.nodeRejoined(RUN, 0, "a2");
        assertEquals(RunView.NodeState.RUNNING, node(0).state());
        assertEquals("a2", node(0).from());
        board.nodeLost(RUN, 1, List.of());
        board.classCompleted(RUN, flaky("com.acme.A"));
        board.batchHandedOut(RUN, 0, List.of());
        at(9);
        board.runFinished(RUN, new RunProgress(RUN.topic(), 1, 1, 1, 0));

        RunView run = board.run(RUN.topic()).orElseThrow();
        assertFalse(run.live());
        assertEquals("passed", run.outcome());
        assertEquals(1, run.reconnects());
        assertEquals(RunView.NodeState.DONE, node(0).state());
        assertEquals(RunView.NodeState.GONE, node(1).state());
        assertEquals(0, run.activeNodes());
        assertEquals(List.of(new RunView.Flaky("com.acme.A", "t()")), run.flaky());
        assertEquals(Duration.ofSeconds(9), run.elapsed());
        assertEquals(1, run.classRuns().get(0).result().flakes(), "the timeline counts it a flake");
    }

    @Test
    void aForgottenTopicJoinedAgainIsANewRunAndOnlyTheLastFinishedRunsStay() {
        for (int i = 1; i <= 3; i++) {
            RunId run = new RunId("test_orchestrator:b" + i, "junit");
            board.nodeJoined(run, 0, "a");
            board.runFinished(run, new RunProgress(run.topic(), 1, 0, 0, 0));
        }
        assertEquals(
                List.of("test_orchestrator:b3", "test_orchestrator:b2"),
                board.runs().stream().map(RunView::topic).toList(),
                "newest first, two finished runs kept");

        RunId again = new RunId("test_orchestrator:b3", "junit");
        board.runEvicted(again);
        assertTrue(board.run(again.topic()).orElseThrow().forgotten());
        board.nodeJoined(again, 0, "later");
        RunView fresh = board.run(again.topic()).orElseThrow();
        assertTrue(fresh.live(), "a new run on the forgotten topic");
        assertNull(fresh.finished());
        assertEquals(
                List.of("later"), fresh.nodes().stream().map(RunView.Node::from).toList());
    }

    @Test
    void aWaitCompletesOnTheNextChangeAndAtOnceWhenItIsAlreadyPast() {
        long seen = board.version();
        CompletableFuture<Long> change = board.changedAfter(seen);
        assertFalse(change.isDone());

        board.nodeJoined(RUN, 0, "a");

        assertEquals(seen + 1, change.getNow(-1L));
        assertEquals(seen + 1, board.changedAfter(seen).getNow(-1L), "already past: at once");
        assertFalse(board.changedAfter(seen + 1).isDone());
    }

    @Test
    void whatTheStoreKeepsAddsTheClassesAndNodesTheBoardDidNotSeeEachCountedOnce() {
        List<String> unplaced = new ArrayList<>();
        board.onUnplaced(unplaced::add);
        board.nodeJoined(RUN, 1, "here");
        at(1);
        board.batchHandedOut(RUN, 1, List.of("com.acme.B"));
        at(2);
        board.classCompleted(RUN, passed("com.acme.B"));
        board.classCompleted(RUN, passed("com.acme.C")); // handed out before a restart: the board saw no node
        assertEquals(List.of(RUN.topic()), unplaced, "the store is asked where C ran");
        long t0 = T0.toEpochMilli();

        board.absorb(new RunRecord(
                RUN,
                t0,
                3,
                0,
                true,
                List.of(new RunRecord.Node(0, false)),
                true,
                List.of(
                        new RunRecord.Placed(passed("com.acme.A"), 0, t0, t0 + 1500),
                        new RunRecord.Placed(passed("com.acme.B"), 1, t0 + 1000, t0 + 2000),
                        new RunRecord.Placed(passed("com.acme.C"), 1, t0 + 2000, t0 + 2000)),
                9));

        RunView run = board.run(RUN.topic()).orElseThrow();
        assertEquals(
                List.of("com.acme.B", "com.acme.C", "com.acme.A"),
                run.done().stream().map(d -> d.result().key()).toList());
        assertEquals(
                List.of(1, 1, 0),
                run.done().stream().map(RunView.ClassRecord::node).toList());
        assertEquals(
                List.of(1, 2), run.nodes().stream().map(RunView.Node::classes).toList(), "each class once");
        assertEquals(RunView.NodeState.RUNNING, node(0).state(), "connected to another replica");
        assertEquals("", node(0).from());
        assertEquals("here", node(1).from());
        assertFalse(run.live(), "the store has its end");
        assertEquals(T0, run.started(), "from its enq, before the board saw it");
        assertEquals(9, board.storedPosition(RUN.topic()));
        assertEquals(0, board.storedPosition("test_orchestrator:other"));
    }

    @Test
    void aRunReadAgainFromTheStoreWithNothingNewWakesNoPage() {
        RunRecord record = oneMore("com.acme.A", 4);
        board.absorb(record);
        long seen = board.version();
        CompletableFuture<Long> change = board.changedAfter(seen);

        board.absorb(record);
        assertEquals(seen, board.version(), "the same record again changes nothing");
        assertFalse(change.isDone());

        board.absorb(oneMore("com.acme.B", 5));
        assertEquals(seen + 1, change.getNow(-1L), "a class more: the page is told");
    }

    @Test
    void aNodeAwayFromHereTakesTheStateOfAStoreThatKnowsConnectionsOnly() {
        board.nodeJoined(RUN, 0, "here");
        board.nodeAway(RUN, 0, List.of());
        board.absorb(record(List.of(), false));
        assertEquals(RunView.NodeState.AWAY, node(0).state(), "one process: the board knows best");
        board.absorb(record(List.of(new RunRecord.Node(0, false)), true));
        assertEquals(RunView.NodeState.RUNNING, node(0).state(), "connected to another replica");
        board.nodeRejoined(RUN, 0, "here again");
        board.absorb(record(List.of(), true));
        assertEquals(RunView.NodeState.RUNNING, node(0).state(), "connected here: its own events tell");
    }

    /** A record of the run read from {@code position} on: one class more, run by node 0 on another replica. */
    private static RunRecord oneMore(String key, long position) {
        long t0 = T0.toEpochMilli();
        return new RunRecord(
                RUN,
                t0,
                2,
                0,
                false,
                List.of(new RunRecord.Node(0, false)),
                true,
                List.of(new RunRecord.Placed(passed(key), 0, t0, t0 + 500)),
                position);
    }

    private static RunRecord record(List<RunRecord.Node> nodes, boolean connections) {
        return new RunRecord(RUN, 0, 1, 0, false, nodes, connections, List.of(), 0);
    }

    private RunView.Node node(int index) {
        return board.run(RUN.topic()).orElseThrow().nodes().get(index);
    }

    private void at(long seconds) {
        clock.now = T0.plusSeconds(seconds);
    }

    private static double secondsAfterT0(Instant instant) {
        return Duration.between(T0, instant).toMillis() / 1000.0;
    }

    private static Result passed(String key) {
        return Result.of(key, "passed", List.of(new Result.Test("t()", "passed", 0.5, null)));
    }

    private static Result failed(String key, String message) {
        return Result.of(key, "failed", List.of(new Result.Test("t()", "failed", 0.5, message)));
    }

    private static Result flaky(String key) {
        return Result.of(key, "passed", List.of(new Result.Test("t()", "passed", 0.5, null, true)));
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
