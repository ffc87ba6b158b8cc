package ci.fast.maven.server.dashboard;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.report.timeline.Outcome;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.server.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A run as the dashboard shows it, at one moment: immutable.
 *
 * @param topic the run's topic
 * @param runKey the run key its nodes joined with, empty for none
 * @param started when its first node joined
 * @param finished when its last class got its result; null while it goes on
 * @param now when this view was taken
 * @param forgotten whether the server has forgotten the run (its grace over): the board still shows it
 * @param nodes its nodes, by index
 * @param classes the classes enqueued, or with a result if more
 * @param duplicates the second results dropped
 * @param reconnects the nodes' rejoins after an outage
 * @param done the classes with a result, in the order they got it
 */
public record RunView(
        String topic,
        String runKey,
        Instant started,
        Instant finished,
        Instant now,
        boolean forgotten,
        List<Node> nodes,
        int classes,
        int duplicates,
        int reconnects,
        List<ClassRecord> done) {
    /** The node of a class whose result came from no node the board saw hand it out. */
    public static final int NO_NODE = -1;

    public RunView {
        nodes = List.copyOf(nodes);
        done = List.copyOf(done);
    }

    /** Where a node stands. */
    public enum NodeState {
        RUNNING("running"),
        /** Its connection closed; it may come back within the reconnect grace. */
        AWAY("away"),
        /** It was handed an empty batch: the queue is empty for it. */
        DONE("done"),
        /** It left, or was given up on. */
        GONE("gone");

        public final String word;

        NodeState(String word) {
            this.word = word;
        }
    }

    /**
     * A node of the run.
     *
     * @param index its index within the run, from 0
     * @param from the peer it joined from, such as its address
     * @param joined when it first joined
     * @param state where it stands
     * @param classes the classes it reported
     */
    public record Node(int index, String from, Instant joined, NodeState state, int classes) {}

    /**
     * A class with its result.
     *
     * @param node the index of the node that was handed it, or {@link #NO_NODE}
     * @param start when it started, as far as the server can tell
     * @param end when its result arrived
     * @param result what the node reported
     */
    public record ClassRecord(int node, Instant start, Instant end, Result result) {
        public double seconds() {
            return Duration.between(start, end).toNanos() / 1e9;
        }

        public boolean failed() {
            return "failed".equals(result.status());
        }
    }

    /** A failed test of a class, for the failures' list. */
    public record Failure(String className, String test, String message) {}

    /** A test that passed only on a rerun. */
    public record Flaky(String className, String test) {}

    /** This view with the topic a viewer knows the run by. */
    public RunView shownAs(String shownTopic) {
        return new RunView(
                shownTopic, runKey, started, finished, now, forgotten, nodes, classes, duplicates, reconnects, done);
    }

    public boolean live() {
        return finished == null;
    }

    /** {@code running}, {@code failed} or {@code passed}: the run's badge. */
    public String outcome() {
        if (live()) {
            return "running";
        }
        return done.stream().anyMatch(ClassRecord::failed) ? "failed" : "passed";
    }

    /** The run's wall time: to its end, or to now. */
    public Duration elapsed() {
        return Duration.between(started, live() ? now : finished);
    }

    public long failedClasses() {
        return done.stream().filter(ClassRecord::failed).count();
    }

    /** Nodes not gone nor done. */
    public long activeNodes() {
        return nodes.stream()
                .filter(n -> n.state() == NodeState.RUNNING || n.state() == NodeState.AWAY)
                .count();
    }

    /** Every failed test, in the order their classes finished; a class lost with its node is one failure. */
    public List<Failure> failures() {
        List<Failure> failures = new ArrayList<>();
        for (ClassRecord record : done) {
            for (Result.Test test : record.result().tests()) {
                if ("failed".equals(test.status())) {
                    failures.add(new Failure(
                            record.result().key(), test.name(), test.message() == null ? "" : test.message()));
                }
            }
        }
        return failures;
    }

    /** The {@code limit} slowest classes, slowest first. */
    public List<ClassRecord> slowest(int limit) {
        return done.stream()
                .sorted(Comparator.comparingDouble(ClassRecord::seconds).reversed())
                .limit(limit)
                .toList();
    }

    public List<Flaky> flaky() {
        List<Flaky> flaky = new ArrayList<>();
        for (ClassRecord record : done) {
            for (Result.Test test : record.result().tests()) {
                if (test.flaky()) {
                    flaky.add(new Flaky(record.result().key(), test.name()));
                }
            }
        }
        return flaky;
    }

    /**
     * The classes as the timeline draws them: one lane per node (lane {@code index + 1}), each class's tests with
     * their status, a flaky test as failed first and passed on its rerun, a lost class as a crash.
     */
    public List<ClassRun> classRuns() {
        List<ClassRun> runs = new ArrayList<>(done.size());
        for (ClassRecord record : done) {
            int lane = record.node() == NO_NODE ? ClassRun.NO_FORK : record.node() + 1;
            runs.add(new ClassRun(lane, record.start(), record.end(), classResult(record)));
        }
        return runs;
    }

    private static ClassResult classResult(ClassRecord record) {
        Result result = record.result();
        List<TestResult> tests = new ArrayList<>(result.tests().size());
        for (Result.Test test : result.tests()) {
            tests.add(testResult(result, test));
        }
        return ClassResult.builder(result.key())
                .tests(tests)
                .seconds(record.seconds())
                .build();
    }

    private static TestResult testResult(Result result, Result.Test test) {
        String key = result.key();
        if (result.lost()) {
            return TestResult.builder(key, key, Status.ERROR)
                    .failure(Outcome.CRASH_TYPE, test.message(), test.message())
                    .build();
        }
        if (test.flaky()) {
            return TestResult.builder(test.name(), key, Status.FAILED)
                    .seconds(test.seconds())
                    .reruns(List.of(TestResult.builder(test.name(), key, Status.PASSED)
                            .seconds(test.seconds())
                            .build()))
                    .build();
        }
        Status status =
                switch (test.status() == null ? "" : test.status()) {
                    case "passed" -> Status.PASSED;
                    case "failed" -> Status.FAILED;
                    default -> Status.SKIPPED;
                };
        TestResult.Builder builder =
                TestResult.builder(test.name(), key, status).seconds(test.seconds());
        if (status == Status.FAILED) {
            builder.failure(null, firstLine(test.message()), test.message());
        }
        return builder.build();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
