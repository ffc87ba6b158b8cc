package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What the rules keep of each CI node for a retry of its job: every class handed to its forks, and those that failed
 * on them; nothing of a node that named no CI node.
 */
class RunRulesRetryTest {
    private static final RunId RUN = new RunId("test_orchestrator:junit-build-1", "junit");
    private static final CiNode FIRST = new CiNode("junit-build", "build-1", "test/1", "machine-a");
    private static final CiNode SECOND = new CiNode("junit-build", "build-1", "test/2", "machine-b");

    private final AtomicLong clock = new AtomicLong();
    private final MemoryStore store = new MemoryStore();
    private final RunRules rules = RunRules.builder(store.open(RUN), RunKeyTimings.inMemory(), clock::get)
            .shares(store.shares())
            .graceNanos(Long.MAX_VALUE)
            .build();

    @Test
    void keepsWhatEachCiNodesForksWereHandedAndWhichOfItFailed() {
        rules.join(-1, null, "t0", FIRST);
        rules.join(-1, null, "t1", SECOND);
        rules.join(-1, null, "t2", FIRST); // a second fork of the first machine
        rules.enq(List.of("A", "B", "C", "D"));
        clock.set(1_000_000_000_000L); // an old queue: batches of one class each
        rules.deq(0, List.of());
        rules.deq(1, List.of());
        rules.deq(2, List.of());
        rules.deq(0, List.of(failed("A")));
        rules.deq(1, List.of(passed("B")));
        rules.deq(2, List.of(failed("C")));
        rules.deq(0, List.of(passed("D")));

        assertAll(
                () -> assertEquals(
                        Optional.of(new NodeShare("build-1", List.of("A", "C", "D"), List.of("A", "C"), 1)),
                        store.shares().earlier("junit-build", "test/1", "build-2"),
                        "both forks of the first machine, one share"),
                () -> assertEquals(
                        Optional.of(new NodeShare("build-1", List.of("B"), List.of(), 1)),
                        store.shares().earlier("junit-build", "test/2", "build-2")));
    }

    @Test
    void aRejoinKeepsTheCiNodeItNamedAndANodeThatNamedNoneAddsToNoShare() {
        rules.join(-1, null, "t0", FIRST);
        rules.join(-1, null, "t1", null);
        rules.enq(List.of("A", "B", "C"));
        clock.set(1_000_000_000_000L);
        rules.deq(0, List.of());
        rules.deq(1, List.of());
        rules.disconnected(0);
        rules.join(-1, "t0", "unused", null);
        rules.deq(0, List.of(failed("A")));
        rules.deq(0, List.of(passed("C")));

        assertEquals(
                Optional.of(new NodeShare("build-1", List.of("A", "C"), List.of("A"), 1)),
                store.shares().earlier("junit-build", "test/1", "build-2"));
    }

    @Test
    void aCiNodeThatJoinedAndGotNothingRanNothingInItsAttempt() {
        rules.join(-1, null, "t0", FIRST);
        rules.enq(List.of("A"));
        rules.deq(0, List.of());
        rules.join(-1, null, "t1", SECOND);
        rules.deq(0, List.of(passed("A")));

        assertEquals(
                Optional.of(new NodeShare("build-1", List.of(), List.of(), 1)),
                store.shares().earlier("junit-build", "test/2", "build-2"),
                "its retry reruns nothing, rather than everything");
    }

    @Test
    void aDuplicateFailureOfAClassAnotherNodeFinishedIsNotThisNodesFailure() {
        rules.join(-1, null, "t0", FIRST);
        rules.join(-1, null, "t1", SECOND);
        rules.enq(List.of("A", "B"));
        clock.set(1_000_000_000_000L);
        rules.deq(0, List.of());
        rules.deq(1, List.of(passed("A"))); // a dead fork's result riding along: the first result wins

        rules.deq(0, List.of(failed("A")));

        assertEquals(
                List.of(),
                store.shares()
                        .earlier("junit-build", "test/1", "build-2")
                        .orElseThrow()
                        .failed());
    }

    private static Result passed(String key) {
        return Result.of(key, "passed", List.of(new Result.Test("t()", "passed", 0.1, null)));
    }

    private static Result failed(String key) {
        return Result.of(key, "failed", List.of(new Result.Test("t()", "failed", 0.1, "boom")));
    }
}
